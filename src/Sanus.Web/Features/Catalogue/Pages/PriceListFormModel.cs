using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.Features.Catalogue.Pages;

/// <summary>What the price list form holds while the person types (the date pickers work in DateTime).</summary>
public sealed class PriceListFormModel
{
    public string? Name { get; set; }

    public string? Channel { get; set; } = PriceChannels.Direct;

    public string? Currency { get; set; } = "EUR";

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidTo { get; set; }

    public static PriceListFormModel From(PriceListView view) => new()
    {
        Name = view.Name,
        Channel = view.Channel,
        Currency = view.Currency,
        ValidFrom = view.ValidFrom.ToDateTime(TimeOnly.MinValue),
        ValidTo = view.ValidTo?.ToDateTime(TimeOnly.MinValue),
    };

    public PriceListInput ToInput() =>
        new(Name, Channel, Currency, ValidFrom is { } from ? DateOnly.FromDateTime(from) : null, ValidTo is { } to ? DateOnly.FromDateTime(to) : null);
}
