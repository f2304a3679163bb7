using Sanus.Web.Data;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Implementation;

/// <summary>
/// The implementation plan (IMP-1, template T-009-001), started when the contract is signed. Its <see cref="Revision"/>
/// is what signatures bind to (REC-3): once a revision is signed, a change to its content starts the next revision.
/// </summary>
public sealed class ImplementationPlan : Entity
{
    public const string RecordKind = "ImplementationPlan";

    public Guid DealId { get; set; }

    public Guid ContractId { get; set; }

    public Guid CompanyId { get; set; }

    /// <summary>REC-4: <c>R-009-001 {Customer name} {YYYYMMDD}</c> with the contract date.</summary>
    public string Name { get; set; } = "";

    public DateOnly ContractDate { get; set; }

    /// <summary>The plan's own version number that signatures bind to; not the concurrency counter.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>The professionals who lead the implementation on the customer's side.</summary>
    public List<ImplementationLead> Leads { get; set; } = [];

    public DateOnly? AccessGrantedOn { get; set; }

    /// <summary>Who granted the access (a person on our side, free text: it may be a partner's engineer).</summary>
    public string? AccessGrantedBy { get; set; }

    /// <summary>What was granted: accounts, API keys, site access.</summary>
    public string? AccessGranted { get; set; }

    /// <summary>Training given outside the system, recorded by hand; linked sessions that were held count too.</summary>
    public DateOnly? TrainingDeliveredOn { get; set; }

    public DateOnly? IfuDeliveredOn { get; set; }

    /// <summary>The Instructions For Use document reference, e.g. "IFU-OST-02".</summary>
    public string? IfuReference { get; set; }

    public string? IfuVersion { get; set; }

    public string? IfuDeliveredTo { get; set; }

    /// <summary>Prefilled from the deal's success metrics (DL-4, Implementation Defined).</summary>
    public string? SuccessMetrics { get; set; }

    /// <summary>The implementation timeline.</summary>
    public List<ImplementationMilestone> Milestones { get; set; } = [];

    /// <summary>The date of the next periodic usage review.</summary>
    public DateOnly? UsageReviewOn { get; set; }

    public int? UsageReviewPeriodMonths { get; set; }

    /// <summary>The customer's signatures as recorded by us, each for the revision it was given on.</summary>
    public List<PlanCustomerSignature> CustomerSignatures { get; set; } = [];
}

/// <summary>A contact of the customer who leads the implementation, with their role in it.</summary>
public sealed class ImplementationLead
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>e.g. "clinical lead", "IT contact", "project sponsor".</summary>
    public string Role { get; set; } = "";
}

/// <summary>A step of the implementation timeline.</summary>
public sealed class ImplementationMilestone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    /// <summary>When it was done: progress, not part of the signed content.</summary>
    public DateOnly? DoneOn { get; set; }
}

/// <summary>The customer's signature on a revision of the plan, recorded by one of us from the signed paper or e-mail.</summary>
public sealed class PlanCustomerSignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public int Revision { get; set; }

    public string SignerName { get; set; } = "";

    public DateOnly SignedOn { get; set; }

    /// <summary>The scan of the signed plan, when one was kept.</summary>
    public Guid? FileId { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

public static partial class ImplementationPlans
{
    /// <summary>Adds the plan for a freshly signed contract to the context; the caller saves it with the signature.</summary>
    public static ImplementationPlan Start(SanusDb db, Guid dealId, Guid contractId, Guid companyId, string customerName, DateOnly contractDate)
    {
        var plan = new ImplementationPlan
        {
            DealId = dealId,
            ContractId = contractId,
            CompanyId = companyId,
            ContractDate = contractDate,
            Name = RecordNumbers.ImplementationPlanName(customerName, contractDate),

            // The metrics agreed while defining the implementation are the plan's starting point.
            SuccessMetrics = db.Find<Deal>(dealId)?.SuccessMetrics,
        };
        db.Add(plan);
        return plan;
    }
}
