using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Web.Features.Deals;

/// <summary>One potential revenue-generating event (DL-1): a company, its people, an amount, a stage in the gated pipeline.</summary>
public sealed class Deal : Entity, ISearchable
{
    private string name = "";

    /// <summary>Built by the system (DL-3): "{country} {company} {description}", prefixed "Lost " once lost.</summary>
    public string Name
    {
        get => name;
        set
        {
            name = value;
            // The name already holds the country, company and description: searching it finds the deal by any of them.
            SearchText = Platform.Search.SearchText.Of(value);
        }
    }

    /// <summary>The folded name, indexed for full-text search (SQLite FTS5, PostgreSQL tsvector).</summary>
    public string SearchText { get; private set; } = "";

    public Guid CompanyId { get; set; }

    public List<DealContact> Contacts { get; set; } = [];

    /// <summary>ISO code of the legal entity that contracts: one country only.</summary>
    public string Country { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The amount in minor units (cents): both databases sum and sort integers exactly.</summary>
    public long AmountMinor { get; set; }

    public decimal Amount
    {
        get => AmountMinor / 100m;
        set => AmountMinor = (long)decimal.Round(value * 100m, MidpointRounding.ToEven);
    }

    public string Currency { get; set; } = "EUR";

    public DateOnly? ExpectedCloseDate { get; set; }

    public string Stage { get; set; } = DealStages.Prospected;

    public DateTime StageEnteredAt { get; set; }

    /// <summary>A value of the configurable deal-class list (DL-6).</summary>
    public string DealClass { get; set; } = "";

    /// <summary>The action that originated the deal: inbound enquiry, outreach, event, referral, partner, existing customer.</summary>
    public string Origin { get; set; } = "";

    public string? OwnerId { get; set; }

    /// <summary>Optional phase of a sequence, e.g. "part 1 of 2 Pilot".</summary>
    public string? Phase { get; set; }

    /// <summary>The deal of the previous phase ("part 1 of 2") that this one continues.</summary>
    public Guid? PreviousPhaseDealId { get; set; }

    /// <summary>The lost deal this one was started from (DL-5).</summary>
    public Guid? StartedFromLostDealId { get; set; }

    // BANT (DL-4, Discovered): each criterion confirmed with a note.
    public bool BudgetConfirmed { get; set; }

    public string? BudgetNote { get; set; }

    public bool AuthorityConfirmed { get; set; }

    public string? AuthorityNote { get; set; }

    public bool NeedConfirmed { get; set; }

    public string? NeedNote { get; set; }

    public bool TimelineConfirmed { get; set; }

    public string? TimelineNote { get; set; }

    // Implementation definition (DL-4, Implementation Defined).
    public string? ImplementationMethod { get; set; }

    public string? SuccessMetrics { get; set; }

    public string? PricingBasis { get; set; }

    public string? PricingFigures { get; set; }

    public string? ImplementationTimeline { get; set; }

    // Lost (DL-5).
    public string? LostReason { get; set; }

    public string? LostNotes { get; set; }

    public DateOnly? ComeBackOn { get; set; }

    public bool FeedbackRequested { get; set; }

    public bool IsLost => Stage == DealStages.Lost;

    public bool IsOpen => DealStages.IsOpen(Stage);
}

public sealed class DealContact
{
    public Guid DealId { get; set; }

    public Guid ContactId { get; set; }
}

/// <summary>Every stage move, with its time and user (DL-2), so time in stage and conversion can be queried.</summary>
public sealed class DealStageChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DealId { get; set; }

    public string? FromStage { get; set; }

    public string ToStage { get; set; } = "";

    public DateTime At { get; set; }

    public string? UserId { get; set; }
}

/// <summary>The win probability of a stage, used for weighted amounts (DL-2). Configurable data.</summary>
public sealed class StageProbability
{
    public string Stage { get; set; } = "";

    public int Percent { get; set; }
}
