namespace Sanus.Web.Features.Deals;

/// <summary>A deal as the API returns it.</summary>
public sealed record DealView(
    Guid Id, int Version, string Name, Guid CompanyId, IReadOnlyList<Guid> ContactIds, string Country, string Description,
    decimal Amount, string Currency, DateOnly? ExpectedCloseDate, string Stage, DateTime StageEnteredAt, string DealClass, string Origin,
    string? OwnerId, bool NeedsOwner, string? Phase, Guid? PreviousPhaseDealId, Guid? StartedFromLostDealId,
    bool BudgetConfirmed, string? BudgetNote, bool AuthorityConfirmed, string? AuthorityNote, bool NeedConfirmed, string? NeedNote,
    bool TimelineConfirmed, string? TimelineNote, string? ImplementationMethod, string? SuccessMetrics, string? PricingBasis,
    string? PricingFigures, string? ImplementationTimeline, string? LostReason, string? LostNotes, DateOnly? ComeBackOn, bool FeedbackRequested,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
{
    public static DealView Of(Deal d) => new(
        d.Id, d.Version, d.Name, d.CompanyId, d.Contacts.Select(c => c.ContactId).ToList(), d.Country, d.Description,
        d.Amount, d.Currency, d.ExpectedCloseDate, d.Stage, d.StageEnteredAt, d.DealClass, d.Origin,
        d.OwnerId, d.OwnerId is null, d.Phase, d.PreviousPhaseDealId, d.StartedFromLostDealId,
        d.BudgetConfirmed, d.BudgetNote, d.AuthorityConfirmed, d.AuthorityNote, d.NeedConfirmed, d.NeedNote,
        d.TimelineConfirmed, d.TimelineNote, d.ImplementationMethod, d.SuccessMetrics, d.PricingBasis,
        d.PricingFigures, d.ImplementationTimeline, d.LostReason, d.LostNotes, d.ComeBackOn, d.FeedbackRequested,
        d.CreatedAt, d.UpdatedAt, d.ArchivedAt);
}
