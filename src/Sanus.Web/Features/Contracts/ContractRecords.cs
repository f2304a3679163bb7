namespace Sanus.Web.Features.Contracts;

/// <summary>
/// The customer's signature on one revision of a contract, as recorded by our staff: who signed for the customer,
/// when, and the signed copy they sent back. Bound to the revision's content hash like our own signature (REC-3).
/// Only ever added.
/// </summary>
public sealed class CustomerSignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public int Revision { get; set; }

    public string ContentHash { get; set; } = "";

    public string SignatoryName { get; set; } = "";

    public Guid? ContactId { get; set; }

    public DateOnly SignedOn { get; set; }

    /// <summary>The signed copy as received, kept unchanged in the file store.</summary>
    public Guid SignedCopyFileId { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedById { get; set; }

    public string RecordedByName { get; set; } = "";
}

/// <summary>
/// A payment received against a signed contract. Append-only: a wrong entry is reversed by a negative entry that
/// names it and gives the reason, so the ledger shows what happened.
/// </summary>
public sealed class ContractPayment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    /// <summary>Minor units in the contract currency; negative for a reversal.</summary>
    public long AmountMinor { get; set; }

    public string Currency { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public string Reference { get; set; } = "";

    /// <summary>The entry this one reverses.</summary>
    public Guid? ReversesPaymentId { get; set; }

    public string? Reason { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedById { get; set; }

    public string RecordedByName { get; set; } = "";
}
