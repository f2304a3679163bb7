using System.Globalization;

namespace Sanus.Web.Features.Catalogue.Pages;

/// <summary>How the catalogue pages write kinds, channels, validity and prices.</summary>
public static class CatalogueFormat
{
    public static string Kind(string kind) => kind switch
    {
        ProductKinds.DeviceModel => "Device model",
        ProductKinds.SoftwarePlan => "Software plan",
        ProductKinds.Consumable => "Consumable",
        ProductKinds.Service => "Service",
        ProductKinds.SupportPackage => "Support package",
        _ => kind,
    };

    public static string Channel(string channel) => channel switch
    {
        PriceChannels.Direct => "Direct",
        PriceChannels.Distributor => "Distributor",
        PriceChannels.Tender => "Tender",
        _ => channel,
    };

    public static string Validity(DateOnly from, DateOnly? to) =>
        to is { } end ? $"{Day(from)} – {Day(end)}" : $"from {Day(from)}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";
}
