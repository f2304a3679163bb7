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

    /// <summary>ISO 4217 code of every amount on the quotation.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The grand total the system computed (after discounts and taxes), in minor units: what a contract from it agrees to.</summary>
    public long TotalMinor { get; set; }

    public decimal Total
    {
        get => TotalMinor / 100m;
        set => TotalMinor = (long)decimal.Round(value * 100m, MidpointRounding.ToEven);
    }

    public DateTime? IssuedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }
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
