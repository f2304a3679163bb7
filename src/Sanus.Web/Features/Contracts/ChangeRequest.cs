using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Contracts;

/// <summary>
/// CON-2: a change the customer asks for after service has begun. The steps are recorded on the request itself,
/// each with who and when: the feasibility decision (a signature), then either the replacement quotation (feasible)
/// or the customer informed and the outcome (not feasible).
/// </summary>
public sealed class ChangeRequest : Entity
{
    public Guid ContractId { get; set; }

    /// <summary>REC-4: e.g. CR-2026-0002.</summary>
    public string Number { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid RequestedByContactId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who logged the request, as the step history shows it.</summary>
    public string LoggedBy { get; set; } = "";

    public string Status { get; set; } = ChangeRequestStatus.AwaitingFeasibility;

    public bool? Feasible { get; set; }

    public string? FeasibilityRationale { get; set; }

    public Guid? FeasibilitySignatureId { get; set; }

    public Guid? ReplacementQuotationId { get; set; }

    public Guid? ReplacedQuotationId { get; set; }

    public DateTime? ReplacementRecordedAt { get; set; }

    public string? ReplacementRecordedBy { get; set; }

    public DateOnly? CustomerInformedOn { get; set; }

    public string? CustomerInformedNote { get; set; }

    public string? Outcome { get; set; }

    public DateTime? OutcomeRecordedAt { get; set; }

    public string? OutcomeRecordedBy { get; set; }
}

public static class ChangeRequestStatus
{
    public const string AwaitingFeasibility = "Awaiting feasibility";
    public const string AwaitingReplacement = "Awaiting replacement quotation";
    public const string AwaitingCustomerReply = "Awaiting customer informed";
    public const string Replaced = "Replaced by a new quotation";
    public const string Closed = "Closed, service continues";
    public const string ContractCancelled = "Contract cancelled";
}

public static class ChangeOutcomes
{
    public const string ServiceContinues = "service-continues";
    public const string ContractCancelled = "contract-cancelled";
}
