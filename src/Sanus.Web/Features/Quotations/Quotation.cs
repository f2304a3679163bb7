using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Quotations;

/// <summary>
/// A quotation for a deal (Q-2..Q-5). One row per revision: a change to an issued quotation supersedes it and
/// starts the next revision under the same number.
/// </summary>
public sealed class Quotation : Entity
{
    public Guid DealId { get; set; }

    /// <summary>REC-4: e.g. Q-2026-0007, shared by every revision of the quotation.</summary>
    public string Number { get; set; } = "";

    public int Revision { get; set; } = 1;

    public string Status { get; set; } = QuotationStatus.Draft;

    /// <summary>Q-2: which template the quotation was made from (<see cref="QuotationTemplates"/>).</summary>
    public string Template { get; set; } = QuotationTemplates.Equipment;

    /// <summary>ISO 4217 code of every amount on the quotation.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The sales channel whose price list prices catalogue lines (direct, distributor, tender).</summary>
    public string Channel { get; set; } = "direct";

    /// <summary>The grand total the system computed (after discounts and taxes), in minor units: what a contract from it agrees to.</summary>
    public long TotalMinor { get; set; }

    public decimal Total
    {
        get => TotalMinor / 100m;
        set => TotalMinor = (long)decimal.Round(value * 100m, MidpointRounding.ToEven);
    }

    /// <summary>The discount on the whole quotation, in percent, applied after the line discounts.</summary>
    public decimal OverallDiscountPercent { get; set; }

    /// <summary>The last day the customer may accept this revision.</summary>
    public DateOnly ValidUntil { get; set; }

    public string Terms { get; set; } = "";

    /// <summary>Q-4, GP-009: the regulation printed on the document (from the products, or typed).</summary>
    public string? ReferenceRegulation { get; set; }

    public List<QuotationLine> Lines { get; set; } = [];

    public DateTime? IssuedAt { get; set; }

    /// <summary>The PDF rendered when this revision was issued: the same bytes are served ever after.</summary>
    public Guid? DocumentFileId { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RejectedAt { get; set; }

    /// <summary>The day the customer decided (accepted or rejected), as they told us.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>The customer's contact who accepted or rejected this revision.</summary>
    public Guid? DecidedByContactId { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Optional proof of the customer's decision (a signed order, an email), kept in the file store.</summary>
    public Guid? DecisionEvidenceFileId { get; set; }

    /// <summary>Whether this revision may still be edited: nothing issued is ever changed (REC-3, Q-4).</summary>
    public bool IsDraft => Status is QuotationStatus.Draft or QuotationStatus.AwaitingApproval or QuotationStatus.Approved;
}

/// <summary>
/// One line of a quotation revision. Unit prices are stored in hundredths of a cent: per-report and per-read prices
/// such as 0.0125 need four decimals; every amount computed from them is exact in decimal (see ADR 0006).
/// </summary>
public sealed class QuotationLine
{
    public const decimal UnitPriceScale = 10_000m;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid QuotationId { get; set; }

    public int Position { get; set; }

    public string Description { get; set; } = "";

    public decimal Quantity { get; set; }

    public string Unit { get; set; } = "each";

    /// <summary>The unit price in hundredths of a cent (4 decimals).</summary>
    public long UnitPriceHundredthCents { get; set; }

    public decimal UnitPrice
    {
        get => UnitPriceHundredthCents / UnitPriceScale;
        set => UnitPriceHundredthCents = (long)decimal.Round(value * UnitPriceScale, MidpointRounding.AwayFromZero);
    }

    public decimal DiscountPercent { get; set; }

    public decimal TaxRatePercent { get; set; }

    /// <summary>The catalogue product of an equipment/consumables line; its price comes from the price list, never typed.</summary>
    public Guid? ProductId { get; set; }

    public string? OptionCode { get; set; }

    public string? Sku { get; set; }

    public string? ReferenceRegulation { get; set; }
}

public static class QuotationStatus
{
    public const string Draft = "Draft";
    public const string AwaitingApproval = "Awaiting approval";
    public const string Approved = "Approved";
    public const string Issued = "Issued";
    public const string Accepted = "Accepted";
    public const string Rejected = "Rejected";
    public const string Superseded = "Superseded";
    public const string Cancelled = "Cancelled";
}

/// <summary>Q-2: the three kinds of quotation.</summary>
public static class QuotationTemplates
{
    /// <summary>T-009-002: a software plan priced per report or per patient in volume tiers, a set-up fee and a minimum term.</summary>
    public const string Api = "api";

    /// <summary>T-009-004: per site, per patient and per read fees and fixed phases.</summary>
    public const string ClinicalTrial = "clinical-trial";

    /// <summary>Devices and consumables from the catalogue, priced by the price list of the channel and currency.</summary>
    public const string Equipment = "equipment";

    public static readonly IReadOnlyList<string> All = [Api, ClinicalTrial, Equipment];

    public static string Label(string template) => template switch
    {
        Api => "API quotation (T-009-002)",
        ClinicalTrial => "Clinical-trial quotation (T-009-004)",
        _ => "Equipment and consumables quotation",
    };
}

/// <summary>Q-3: the discount limit set by the Sales Manager; one row.</summary>
public sealed class QuotationSettings : Entity
{
    public static readonly Guid TheId = new("5a9e5e77-0000-4000-8000-000000000001");

    public const decimal DefaultDiscountLimitPercent = 10m;

    /// <summary>A quotation whose total discount against list prices is above this needs an approver's signature.</summary>
    public decimal DiscountLimitPercent { get; set; } = DefaultDiscountLimitPercent;
}
