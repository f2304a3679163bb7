using Sanus.Web.Data;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Implementation;

/// <summary>The implementation plan (IMP-1, template T-009-001), started when the contract is signed.</summary>
public sealed class ImplementationPlan : Entity
{
    public Guid DealId { get; set; }

    public Guid ContractId { get; set; }

    public Guid CompanyId { get; set; }

    /// <summary>REC-4: <c>R-009-001 {Customer name} {YYYYMMDD}</c> with the contract date.</summary>
    public string Name { get; set; } = "";

    public DateOnly ContractDate { get; set; }
}

public static class ImplementationPlans
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
        };
        db.Add(plan);
        return plan;
    }
}
