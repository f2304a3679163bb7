using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.Features.Catalogue.Pages;

/// <summary>A product a tier can be for, with its options, as the tier editor offers it.</summary>
public sealed record ProductChoice(Guid Id, string Sku, string Name, IReadOnlyList<OptionView> Options)
{
    public override string ToString() => $"{Sku} · {Name}";
}

/// <summary>One tier while the person edits the list: kept as typed until saved (UX-4).</summary>
public sealed class PriceTierRow
{
    public ProductChoice? Product { get; set; }

    public string? OptionCode { get; set; }

    public int? MinQuantity { get; set; } = 1;

    public decimal? UnitPrice { get; set; }

    public EntryInput ToInput() => new(Product?.Id, OptionCode, MinQuantity, UnitPrice);
}
