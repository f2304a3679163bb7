using static Sanus.Web.Features.Implementation.ImplementationPlans;

namespace Sanus.Web.Features.Implementation.Pages;

/// <summary>What the plan page's form holds while the user types; it becomes a <see cref="PlanInput"/> on save.</summary>
public sealed class PlanFormModel
{
    public sealed class Lead
    {
        public Guid? ContactId { get; set; }

        public string? Role { get; set; }
    }

    public sealed class Milestone
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public DateTime? DueOn { get; set; }

        public DateTime? DoneOn { get; set; }
    }

    public List<Lead> Leads { get; set; } = [];

    public DateTime? AccessGrantedOn { get; set; }

    public string? AccessGrantedBy { get; set; }

    public string? AccessGranted { get; set; }

    public DateTime? TrainingDeliveredOn { get; set; }

    public DateTime? IfuDeliveredOn { get; set; }

    public string? IfuReference { get; set; }

    public string? IfuVersion { get; set; }

    public string? IfuDeliveredTo { get; set; }

    public string? SuccessMetrics { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    public DateTime? UsageReviewOn { get; set; }

    public int? UsageReviewPeriodMonths { get; set; }

    public static PlanFormModel From(PlanView plan) => new()
    {
        Leads = [.. plan.Leads.Select(l => new Lead { ContactId = l.ContactId, Role = l.Role })],
        AccessGrantedOn = At(plan.AccessGrantedOn),
        AccessGrantedBy = plan.AccessGrantedBy,
        AccessGranted = plan.AccessGranted,
        TrainingDeliveredOn = At(plan.TrainingDeliveredOn),
        IfuDeliveredOn = At(plan.IfuDeliveredOn),
        IfuReference = plan.IfuReference,
        IfuVersion = plan.IfuVersion,
        IfuDeliveredTo = plan.IfuDeliveredTo,
        SuccessMetrics = plan.SuccessMetrics,
        Milestones = [.. plan.Milestones.Select(m => new Milestone { Id = m.Id, Title = m.Title, DueOn = At(m.DueOn), DoneOn = At(m.DoneOn) })],
        UsageReviewOn = At(plan.UsageReviewOn),
        UsageReviewPeriodMonths = plan.UsageReviewPeriodMonths,
    };

    public PlanInput ToInput(bool startNewRevision) => new(
        [.. Leads.Select(l => new LeadInput(l.ContactId, l.Role))],
        Day(AccessGrantedOn), AccessGrantedBy, AccessGranted, Day(TrainingDeliveredOn),
        Day(IfuDeliveredOn), IfuReference, IfuVersion, IfuDeliveredTo, SuccessMetrics,
        [.. Milestones.Select(m => new MilestoneInput(m.Id, m.Title, Day(m.DueOn), Day(m.DoneOn)))],
        Day(UsageReviewOn), UsageReviewPeriodMonths, startNewRevision);

    private static DateTime? At(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
