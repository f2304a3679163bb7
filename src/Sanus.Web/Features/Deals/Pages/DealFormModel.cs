using System.Globalization;
using Sanus.Web.Components.Shared;

namespace Sanus.Web.Features.Deals.Pages;

/// <summary>
/// What the deal form holds while the person types, kept as typed so a refusal never loses input (UX-4). The Details
/// and Qualification tabs edit the same model, so one save carries both and one version guards both.
/// </summary>
public sealed class DealFormModel
{
    public Guid? CompanyId { get; set; }

    /// <summary>For the name preview (DL-3) and to show the chosen company.</summary>
    public string? CompanyName { get; set; }

    public string? CompanyCountry { get; set; }

    public string? Description { get; set; }

    public string? DealClass { get; set; }

    public string? Origin { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; } = "EUR";

    public DateTime? ExpectedCloseDate { get; set; }

    /// <summary>Empty means the company's country, which the rules take then.</summary>
    public string? Country { get; set; }

    public IReadOnlyCollection<Guid> ContactIds { get; set; } = [];

    public string? OwnerId { get; set; }

    public string? Phase { get; set; }

    public Guid? PreviousPhaseDealId { get; set; }

    public bool BudgetConfirmed { get; set; }

    public string? BudgetNote { get; set; }

    public bool AuthorityConfirmed { get; set; }

    public string? AuthorityNote { get; set; }

    public bool NeedConfirmed { get; set; }

    public string? NeedNote { get; set; }

    public bool TimelineConfirmed { get; set; }

    public string? TimelineNote { get; set; }

    public string? ImplementationMethod { get; set; }

    public string? SuccessMetrics { get; set; }

    public string? PricingBasis { get; set; }

    public string? PricingFigures { get; set; }

    public string? ImplementationTimeline { get; set; }

    /// <summary>The name as the system will build it, from the same function the rules use (DL-3).</summary>
    public string? PreviewName =>
        CompanyName is null ? null : DealRules.NameOf(string.IsNullOrWhiteSpace(Country) ? CompanyCountry ?? "" : Country.Trim().ToUpperInvariant(), CompanyName, Description?.Trim() ?? "", lost: false);

    public static DealFormModel From(DealView view, string companyName, string companyCountry) => new()
    {
        CompanyId = view.CompanyId,
        CompanyName = companyName,
        CompanyCountry = companyCountry,
        Description = view.Description,
        DealClass = view.DealClass,
        Origin = view.Origin,
        Amount = view.Amount,
        Currency = view.Currency,
        ExpectedCloseDate = view.ExpectedCloseDate?.ToDateTime(TimeOnly.MinValue),
        Country = view.Country,
        ContactIds = [.. view.ContactIds],
        OwnerId = view.OwnerId,
        Phase = view.Phase,
        PreviousPhaseDealId = view.PreviousPhaseDealId,
        BudgetConfirmed = view.BudgetConfirmed,
        BudgetNote = view.BudgetNote,
        AuthorityConfirmed = view.AuthorityConfirmed,
        AuthorityNote = view.AuthorityNote,
        NeedConfirmed = view.NeedConfirmed,
        NeedNote = view.NeedNote,
        TimelineConfirmed = view.TimelineConfirmed,
        TimelineNote = view.TimelineNote,
        ImplementationMethod = view.ImplementationMethod,
        SuccessMetrics = view.SuccessMetrics,
        PricingBasis = view.PricingBasis,
        PricingFigures = view.PricingFigures,
        ImplementationTimeline = view.ImplementationTimeline,
    };

    /// <summary>
    /// Every field, every time: the rules keep a stored note when it is sent as null, so an emptied note goes as "" to clear it.
    /// </summary>
    public DealRules.DealInput ToInput() => new(
        CompanyId, Description, DealClass, Origin, Amount, Currency,
        ExpectedCloseDate is { } close ? DateOnly.FromDateTime(close) : null,
        string.IsNullOrWhiteSpace(Country) ? null : Country, [.. ContactIds], OwnerId, Phase, PreviousPhaseDealId,
        BudgetConfirmed, BudgetNote ?? "", AuthorityConfirmed, AuthorityNote ?? "", NeedConfirmed, NeedNote ?? "", TimelineConfirmed, TimelineNote ?? "",
        ImplementationMethod ?? "", SuccessMetrics ?? "", PricingBasis ?? "", PricingFigures ?? "", ImplementationTimeline ?? "");

    /// <summary>The fields where the stored deal differs from what this form holds, for the conflict view (REC-2).</summary>
    public List<FieldDifference> DifferencesFrom(DealView theirs)
    {
        static string? Flag(bool value) => value ? "confirmed" : "not confirmed";
        var fields = new (string Label, string? Theirs, string? Yours)[]
        {
            ("Description", theirs.Description, Description),
            ("Country", theirs.Country, Country),
            ("Deal class", theirs.DealClass, DealClass),
            ("Origin", theirs.Origin, Origin),
            ("Amount", theirs.Amount.ToString("0.00", CultureInfo.InvariantCulture), Amount?.ToString("0.00", CultureInfo.InvariantCulture)),
            ("Currency", theirs.Currency, Currency),
            ("Expected close date", theirs.ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Owner", theirs.OwnerId, OwnerId),
            ("Phase", theirs.Phase, Phase),
            ("Contacts", $"{theirs.ContactIds.Count} chosen", $"{ContactIds.Count} chosen"),
            ("Budget", Flag(theirs.BudgetConfirmed), Flag(BudgetConfirmed)),
            ("Budget note", theirs.BudgetNote, BudgetNote),
            ("Authority", Flag(theirs.AuthorityConfirmed), Flag(AuthorityConfirmed)),
            ("Authority note", theirs.AuthorityNote, AuthorityNote),
            ("Need", Flag(theirs.NeedConfirmed), Flag(NeedConfirmed)),
            ("Need note", theirs.NeedNote, NeedNote),
            ("Timeline", Flag(theirs.TimelineConfirmed), Flag(TimelineConfirmed)),
            ("Timeline note", theirs.TimelineNote, TimelineNote),
            ("Implementation method", theirs.ImplementationMethod, ImplementationMethod),
            ("Success metrics", theirs.SuccessMetrics, SuccessMetrics),
            ("Pricing basis", theirs.PricingBasis, PricingBasis),
            ("Pricing figures", theirs.PricingFigures, PricingFigures),
            ("Implementation timeline", theirs.ImplementationTimeline, ImplementationTimeline),
        };
        return fields
            .Where(f => !string.Equals(f.Theirs?.Trim() ?? "", f.Yours?.Trim() ?? "", StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Label, f.Theirs, f.Yours))
            .ToList();
    }
}
