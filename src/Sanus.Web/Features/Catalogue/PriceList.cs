using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Catalogue;

/// <summary>Prices for one sales channel in one currency, valid between two dates .</summary>
public sealed class PriceList : Entity
{
    public string Name { get; set; } = "";

    public string Channel { get; set; } = PriceChannels.Direct;

    /// <summary>ISO 4217 code of every price on the list.</summary>
    public string Currency { get; set; } = "EUR";

    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day the list applies; null while it has no end.</summary>
    public DateOnly? ValidTo { get; set; }

    public List<PriceListEntry> Entries { get; set; } = [];

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>
/// One quantity tier of one product (or one of its options) on a price list: from <see cref="MinQuantity"/> units
/// on, every unit costs <see cref="UnitPriceMinor"/>. The tier that applies is the one with the largest minimum
/// not above the quantity ordered.
/// </summary>
public sealed class PriceListEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PriceListId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The option this price is for; null for the product itself (and for options without a price of their own).</summary>
    public string? OptionCode { get; set; }

    public int MinQuantity { get; set; } = 1;

    /// <summary>The unit price in minor units (cents).</summary>
    public long UnitPriceMinor { get; set; }

    public decimal UnitPrice
    {
        get => UnitPriceMinor / 100m;
        set => UnitPriceMinor = (long)decimal.Round(value * 100m, MidpointRounding.ToEven);
    }
}

public static class PriceChannels
{
    public const string Direct = "direct";
    public const string Distributor = "distributor";
    public const string Tender = "tender";

    public static readonly IReadOnlyList<string> All = [Direct, Distributor, Tender];
}
