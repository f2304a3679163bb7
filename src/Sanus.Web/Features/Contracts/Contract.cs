using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Contracts;

/// <summary>A contract drafted from an accepted quotation and signed by both parties (CON-1).</summary>
public sealed class Contract : Entity
{
    public Guid DealId { get; set; }

    public Guid QuotationId { get; set; }

    /// <summary>REC-4: e.g. CT-2026-0003.</summary>
    public string Number { get; set; } = "";

    public string Status { get; set; } = ContractStatus.Draft;

    /// <summary>When the second of the two signatures (ours and the customer's) was recorded.</summary>
    public DateTime? SignedAt { get; set; }

    /// <summary>Whether the recorded payments cover what the Payment Done gate asks (the amount or the first instalment).</summary>
    public bool PaymentGateMet { get; set; }
}

public static class ContractStatus
{
    public const string Draft = "Draft";
    public const string SignedByBoth = "Signed";
    public const string Cancelled = "Cancelled";
}
