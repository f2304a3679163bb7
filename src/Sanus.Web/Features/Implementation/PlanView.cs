using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Implementation;

public sealed record LeadView(Guid ContactId, string Name, string Role);

public sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn);

public sealed record CustomerSignatureView(Guid Id, int Revision, string SignerName, DateOnly SignedOn, Guid? FileId, string RecordedBy, DateTime RecordedAt);

public sealed record LinkedTrainingView(Guid Id, string Title, string Kind, DateTime ScheduledAt, int Attended);

/// <summary>An implementation plan as the API and the plan page show it.</summary>
public sealed record PlanView(
    Guid Id, Guid DealId, Guid ContractId, Guid CompanyId, string CompanyName, string Name, DateOnly ContractDate, int Revision, int Version,
    IReadOnlyList<LeadView> Leads,
    DateOnly? AccessGrantedOn, string? AccessGrantedBy, string? AccessGranted,
    DateOnly? TrainingDeliveredOn, IReadOnlyList<LinkedTrainingView> Trainings,
    DateOnly? IfuDeliveredOn, string? IfuReference, string? IfuVersion, string? IfuDeliveredTo,
    string? SuccessMetrics, IReadOnlyList<MilestoneView> Milestones, DateOnly? UsageReviewOn, int? UsageReviewPeriodMonths,
    bool SignedByUs, bool SignedByCustomer, IReadOnlyList<SignatureView> Signatures, IReadOnlyList<CustomerSignatureView> CustomerSignatures,
    PlanProgress Progress, string ContentHash)
{
    public static async Task<PlanView> OfAsync(SanusDb db, ImplementationPlan plan)
    {
        var contactIds = plan.Leads.Select(l => l.ContactId).ToList();
        var names = await db.Set<Contact>().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName }).ToDictionaryAsync(c => c.Id, c => $"{c.FirstName} {c.LastName}");
        var companyName = await db.Set<Company>().Where(c => c.Id == plan.CompanyId).Select(c => c.Name).SingleOrDefaultAsync() ?? "";
        var trainings = await db.Set<TrainingSession>()
            .Where(s => s.ArchivedAt == null && s.Links.Any(l => l.PlanId == plan.Id))
            .OrderBy(s => s.ScheduledAt)
            .Select(s => new LinkedTrainingView(s.Id, s.Title, s.Kind, s.ScheduledAt, s.Attendees.Count(a => a.Attended)))
            .ToListAsync();
        var signatures = await Signing.ForRecordAsync(db, ImplementationPlan.RecordKind, plan.Id);
        var facts = await ImplementationPlans.FactsAsync(db, plan);
        return new PlanView(
            plan.Id, plan.DealId, plan.ContractId, plan.CompanyId, companyName, plan.Name, plan.ContractDate, plan.Revision, plan.Version,
            [.. plan.Leads.OrderBy(l => names.GetValueOrDefault(l.ContactId), StringComparer.Ordinal).Select(l => new LeadView(l.ContactId, names.GetValueOrDefault(l.ContactId) ?? "", l.Role))],
            plan.AccessGrantedOn, plan.AccessGrantedBy, plan.AccessGranted,
            plan.TrainingDeliveredOn, trainings,
            plan.IfuDeliveredOn, plan.IfuReference, plan.IfuVersion, plan.IfuDeliveredTo,
            plan.SuccessMetrics,
            [.. plan.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.DoneOn))],
            plan.UsageReviewOn, plan.UsageReviewPeriodMonths,
            facts.SignedByUs, facts.SignedByCustomer,
            [.. signatures.Select(SignatureView.Of)],
            [.. plan.CustomerSignatures.OrderBy(s => s.Revision).Select(s => new CustomerSignatureView(s.Id, s.Revision, s.SignerName, s.SignedOn, s.FileId, s.RecordedBy, s.RecordedAt))],
            PlanProgress.Of(plan, facts),
            SignedContent.Hash(ImplementationPlans.PlanContent.Of(plan)));
    }
}
