namespace Sanus.Web.Features.Implementation;

/// <summary>One line of the plan's checklist. Optional items (the signatures) are shown but not counted.</summary>
public sealed record ChecklistItem(string Key, string Label, bool Done, bool Counted, string? Detail);

/// <summary>What the plan's checklist needs that is not on the plan row itself.</summary>
public sealed record PlanFacts(DateOnly? TrainingHeldOn, bool SignedByUs, bool SignedByCustomer);

/// <summary>
/// IMP-1 checklist progress: seven items count ("5 of 7 done"); the two signatures are shown but not counted,
/// because GP-009 says the plan is signed "ideally but not necessarily" by both parties.
/// </summary>
public sealed record PlanProgress(Guid PlanId, string PlanName, int Revision, int Done, int Required, IReadOnlyList<ChecklistItem> Items)
{
    public string Summary => $"{Done} of {Required} done";

    public static PlanProgress Of(ImplementationPlan plan, PlanFacts facts)
    {
        var trainingOn = Earliest(plan.TrainingDeliveredOn, facts.TrainingHeldOn);
        var leads = plan.Leads.Count;
        var milestones = plan.Milestones.Count;
        List<ChecklistItem> items =
        [
            new("leads", "Customer leads named", leads > 0, true, leads > 0 ? $"{leads} named" : null),
            new("access", "Access granted", plan.AccessGrantedOn is not null, true, Date(plan.AccessGrantedOn)),
            new("training", "Training delivered", trainingOn is not null, true, Date(trainingOn)),
            new("ifu", "Instructions For Use delivered", plan.IfuDeliveredOn is not null, true,
                plan.IfuDeliveredOn is null ? null : $"{Date(plan.IfuDeliveredOn)}, {plan.IfuReference} v{plan.IfuVersion}"),
            new("metrics", "Success metrics set", !string.IsNullOrWhiteSpace(plan.SuccessMetrics), true, null),
            new("timeline", "Timeline set", milestones > 0, true,
                milestones > 0 ? $"{plan.Milestones.Count(m => m.DoneOn is not null)} of {milestones} milestones done" : null),
            new("review", "Usage review date set", plan.UsageReviewOn is not null, true, Date(plan.UsageReviewOn)),
            new("signedByUs", "Signed by us (optional)", facts.SignedByUs, false, $"revision {plan.Revision}"),
            new("signedByCustomer", "Signed by the customer (optional)", facts.SignedByCustomer, false, $"revision {plan.Revision}"),
        ];
        return new(plan.Id, plan.Name, plan.Revision, items.Count(i => i.Counted && i.Done), items.Count(i => i.Counted), items);
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
