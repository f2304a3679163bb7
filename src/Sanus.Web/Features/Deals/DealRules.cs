using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Tasks;
using Sanus.Web.Platform.Lookups;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Deals;

/// <summary>What users do with deals and the rules of the sales procedure (DL-1..DL-7, CT-2, CO-4, ACM-3).</summary>
public static class DealRules
{
    public sealed record DealInput(
        Guid? CompanyId,
        string? Description,
        string? DealClass,
        string? Origin,
        decimal? Amount = null,
        string? Currency = null,
        DateOnly? ExpectedCloseDate = null,
        string? Country = null,
        IReadOnlyList<Guid>? ContactIds = null,
        string? OwnerId = null,
        string? Phase = null,
        Guid? PreviousPhaseDealId = null,
        bool? BudgetConfirmed = null,
        string? BudgetNote = null,
        bool? AuthorityConfirmed = null,
        string? AuthorityNote = null,
        bool? NeedConfirmed = null,
        string? NeedNote = null,
        bool? TimelineConfirmed = null,
        string? TimelineNote = null,
        string? ImplementationMethod = null,
        string? SuccessMetrics = null,
        string? PricingBasis = null,
        string? PricingFigures = null,
        string? ImplementationTimeline = null);

    public sealed record LoseInput(string? Reason, string? Notes, DateOnly? ComeBackOn, bool? RequestFeedback);

    public static async Task<Deal> CreateAsync(SanusDb db, TimeProvider clock, DealInput input)
    {
        var deal = new Deal { StageEnteredAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(db, deal, input);
        await AddAsync(db, deal);
        await db.SaveChangesAsync();
        return deal;
    }

    public static async Task<Deal> UpdateAsync(SanusDb db, Guid id, DealInput input, int? expectedVersion)
    {
        var deal = await GetAsync(db, id);
        Versioning.Check(deal, expectedVersion, () => DealView.Of(deal));
        RefuseIfLost(deal);
        await ApplyAsync(db, deal, input);
        await Versioning.SaveAsync(db, deal, expectedVersion, DealView.Of);
        return deal;
    }

    /// <summary>Moves a deal to another open stage; forward moves pass every gate on the way (DL-4).</summary>
    public static async Task<Deal> MoveAsync(SanusDb db, TimeProvider clock, Guid id, string? target, int? expectedVersion)
    {
        var deal = await GetAsync(db, id);
        Versioning.Check(deal, expectedVersion, () => DealView.Of(deal));
        RefuseIfLost(deal);
        if (target == DealStages.Lost)
        {
            throw ProblemException.Invalid("stage", "To lose a deal, use Lose: it needs a reason.");
        }

        if (target is null || !DealStages.InOrder.Contains(target))
        {
            throw ProblemException.Invalid("stage", $"Choose one of: {string.Join(", ", DealStages.InOrder)}.");
        }

        if (target == deal.Stage)
        {
            return deal;
        }

        var missing = DealGates.MissingFor(deal, target, await DealGateFacts.LoadAsync(db, deal.Id));
        if (missing.Count > 0)
        {
            throw ProblemException.Refused($"The deal can't enter {target} yet", missing);
        }

        await EnterStageAsync(db, clock, deal, target);
        await Versioning.SaveAsync(db, deal, expectedVersion, DealView.Of);
        return deal;
    }

    /// <summary>
    /// Moves a deal forward to <paramref name="target"/> after the record behind that gate was saved (an issued or
    /// accepted quotation, a signed contract, a payment), inside the caller's transaction. Never moves a deal back
    /// or a lost one; leaves the deal where it is while a gate on the way still misses a fact (the deal page says which).
    /// </summary>
    public static async Task<bool> AdvanceAsync(SanusDb db, TimeProvider clock, Guid dealId, string target)
    {
        var deal = await GetAsync(db, dealId);
        if (deal.IsLost || DealStages.IndexOf(deal.Stage) >= DealStages.IndexOf(target))
        {
            return false;
        }

        if (DealGates.MissingFor(deal, target, await DealGateFacts.LoadAsync(db, deal.Id)).Count > 0)
        {
            return false;
        }

        await EnterStageAsync(db, clock, deal, target);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>DL-5, ACM-3: a lost deal needs a reason, may invite feedback, and its come-back date becomes a task for the owner.</summary>
    public static async Task<Deal> LoseAsync(SanusDb db, TimeProvider clock, Guid id, LoseInput input, int? expectedVersion)
    {
        var deal = await GetAsync(db, id);
        Versioning.Check(deal, expectedVersion, () => DealView.Of(deal));
        RefuseIfLost(deal);
        var errors = new Dictionary<string, string[]>();
        await Lookups.RequireAsync(db, DealLookups.LostReasonList, input.Reason, "reason", "why the deal was lost", errors);

        if (string.IsNullOrWhiteSpace(input.Notes))
        {
            errors["notes"] = ["Say in a few words what happened, for whoever picks this account up again."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.ComeBackOn is { } comeBack && comeBack <= today)
        {
            errors["comeBackOn"] = ["Choose a come-back date in the future."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        deal.LostReason = input.Reason;
        deal.LostNotes = input.Notes!.Trim();
        deal.ComeBackOn = input.ComeBackOn;
        deal.FeedbackRequested = input.RequestFeedback ?? false;
        await EnterStageAsync(db, clock, deal, DealStages.Lost);
        if (input.ComeBackOn is { } date)
        {
            db.Add(new TaskItem
            {
                Title = $"Come back to {deal.Name["Lost ".Length..]}",
                DueAt = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                OwnerId = deal.OwnerId,
                DealId = deal.Id,
                CompanyId = deal.CompanyId,
            });
        }

        await Versioning.SaveAsync(db, deal, expectedVersion, DealView.Of);
        return deal;
    }

    /// <summary>DL-5: lost deals are never resurrected; a new deal starts from one at Prospected.</summary>
    public static async Task<Deal> StartFromLostAsync(SanusDb db, TimeProvider clock, Guid lostId)
    {
        var lost = await GetAsync(db, lostId);
        if (!lost.IsLost)
        {
            throw ProblemException.Refused("Only a lost deal can be started again", ["This deal is not lost."]);
        }

        var deal = await CreateAsync(db, clock, new DealInput(
            lost.CompanyId, lost.Description, lost.DealClass, "existing-customer", lost.Amount, lost.Currency, null, lost.Country,
            lost.Contacts.Select(c => c.ContactId).ToList(), lost.OwnerId));
        deal.StartedFromLostDealId = lost.Id;
        await db.SaveChangesAsync();
        return deal;
    }

    public static async Task<Deal> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Deal>().Include(d => d.Contacts).SingleOrDefaultAsync(d => d.Id == id) ?? throw ProblemException.NotFound("deal");

    /// <summary>DL-3: the name follows the company, country and description; it is never typed.</summary>
    public static string NameOf(string country, string companyName, string description, bool lost) =>
        (lost ? "Lost " : "") + $"{country} {companyName} {description}";

    /// <summary>Keeps deal names right after a company is renamed.</summary>
    public static async Task RenameForCompanyAsync(SanusDb db, Company company)
    {
        foreach (var deal in await db.Set<Deal>().Where(d => d.CompanyId == company.Id).ToListAsync())
        {
            deal.Name = NameOf(deal.Country, company.Name, deal.Description, deal.IsLost);
        }
    }

    private static async Task EnterStageAsync(SanusDb db, TimeProvider clock, Deal deal, string target)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new DealStageChange { DealId = deal.Id, FromStage = deal.Stage, ToStage = target, At = now, UserId = db.CurrentUser.Id });
        deal.Stage = target;
        deal.StageEnteredAt = now;
        if (target == DealStages.Lost)
        {
            var company = await db.Set<Company>().IgnoreQueryFilters().SingleAsync(c => c.Id == deal.CompanyId);
            deal.Name = NameOf(deal.Country, company.Name, deal.Description, lost: true);
        }

        await ApplyAutomaticStatusesAsync(db, deal);
    }

    /// <summary>CT-2 and CO-4: the contacts' lifecycle and the company's lead status follow the deal, never backwards.</summary>
    private static async Task ApplyAutomaticStatusesAsync(SanusDb db, Deal deal)
    {
        var lifecycle = deal.Stage switch
        {
            DealStages.Qualified => LifecycleStages.SalesQualifiedLead,
            DealStages.Discovered or DealStages.ImplementationDefined or DealStages.OfferSent or DealStages.OfferApproved => LifecycleStages.Opportunity,
            DealStages.ContractSigned or DealStages.PaymentDone => LifecycleStages.Customer,
            _ => null,
        };
        if (lifecycle is not null)
        {
            var ids = deal.Contacts.Select(c => c.ContactId).ToList();
            foreach (var contact in await db.Set<Contact>().Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                if (LifecycleStages.InOrder.ToList().IndexOf(lifecycle) > LifecycleStages.InOrder.ToList().IndexOf(contact.LifecycleStage))
                {
                    contact.LifecycleStage = lifecycle;
                }
            }
        }

        if (deal.IsOpen && await db.Set<Company>().SingleOrDefaultAsync(c => c.Id == deal.CompanyId) is { } company && company.LeadStatus != LeadStatuses.OpenDeal)
        {
            company.LeadStatus = LeadStatuses.OpenDeal;
        }
    }

    private static void RefuseIfLost(Deal deal)
    {
        if (deal.IsLost)
        {
            throw ProblemException.Refused("A lost deal can't be changed", ["Deals can't be resurrected: start a new deal from this one instead."]);
        }
    }

    /// <summary>What validation needs from the database: the companies (only those the caller may see, not archived), the active deal classes, contacts, users and deals named.</summary>
    public sealed record Facts(
        IReadOnlyDictionary<Guid, (string Name, string Country)> Companies, IReadOnlyList<string> DealClasses, IReadOnlySet<Guid> ContactIds,
        IReadOnlySet<string> ActiveUserIds, IReadOnlySet<Guid> DealIds);

    /// <summary>Loads the facts once; a null collection reads every company, contact or active user the caller may see (for imports).</summary>
    public static async Task<Facts> LoadFactsAsync(
        SanusDb db, IReadOnlyCollection<Guid>? companyIds, IReadOnlyCollection<Guid>? contactIds, IReadOnlyCollection<string>? ownerIds, IReadOnlyCollection<Guid> dealIds)
    {
        var companies = db.Set<Company>().Where(c => c.ArchivedAt == null);
        if (companyIds is not null)
        {
            companies = companies.Where(c => companyIds.Contains(c.Id));
        }

        var contacts = db.Set<Contact>().AsQueryable();
        if (contactIds is not null)
        {
            contacts = contacts.Where(c => contactIds.Contains(c.Id));
        }

        var users = db.Users.Where(u => u.IsActive);
        if (ownerIds is not null)
        {
            users = users.Where(u => ownerIds.Contains(u.Id));
        }

        return new Facts(
            await companies.Select(c => new { c.Id, c.Name, c.Country }).ToDictionaryAsync(c => c.Id, c => (c.Name, c.Country)),
            await Lookups.ActiveValuesAsync(db, DealLookups.DealClassList),
            (await contacts.Select(c => c.Id).ToListAsync()).ToHashSet(),
            (await users.Select(u => u.Id).ToListAsync()).ToHashSet(),
            dealIds.Count == 0 ? new HashSet<Guid>() : (await db.Set<Deal>().Where(d => dealIds.Contains(d.Id)).Select(d => d.Id).ToListAsync()).ToHashSet());
    }

    /// <summary>
    /// Adds a deal created outside <see cref="CreateAsync"/> (already filled in by <see cref="TryApply"/>) with its first stage
    /// change and the statuses that follow from it; the caller saves.
    /// </summary>
    public static async Task AddAsync(SanusDb db, Deal deal)
    {
        db.Add(deal);
        db.Add(new DealStageChange { DealId = deal.Id, ToStage = deal.Stage, At = deal.StageEnteredAt, UserId = db.CurrentUser.Id });
        await ApplyAutomaticStatusesAsync(db, deal);
    }

    private static async Task ApplyAsync(SanusDb db, Deal deal, DealInput input)
    {
        var facts = await LoadFactsAsync(
            db, input.CompanyId is { } companyId ? [companyId] : [], (input.ContactIds ?? []).Distinct().ToList(),
            input.OwnerId is { Length: > 0 } owner ? [owner] : [], input.PreviousPhaseDealId is { } previous ? [previous] : []);
        var errors = TryApply(deal, input, facts);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }

    /// <summary>
    /// Validates <paramref name="input"/> against <paramref name="deal"/> and, when it is valid, applies it: the errors by field, empty
    /// when the deal was changed. Nothing is saved; imports validate each row with it.
    /// </summary>
    public static Dictionary<string, string[]> TryApply(Deal deal, DealInput input, Facts facts)
    {
        var errors = new Dictionary<string, string[]>();
        (string Name, string Country)? company = input.CompanyId is { } companyId && facts.Companies.TryGetValue(companyId, out var found) ? found : null;
        if (company is null)
        {
            errors["companyId"] = ["Choose the company the deal is with."];
        }

        var description = input.Description?.Trim() ?? "";
        if (description.Length is 0 or > 150)
        {
            errors["description"] = ["Describe the deal in a few words, e.g. \"Proof of Concept\" (at most 150 characters)."];
        }

        var (country, countryError) = Countries.Normalise(input.Country ?? company?.Country);
        if (countryError is not null)
        {
            errors["country"] = ["The country of the legal entity that contracts: " + countryError];
        }

        Lookups.Require(facts.DealClasses, input.DealClass, "dealClass", "the deal class (the value proposition)", errors);

        if (input.Origin is null || DealStages.Origins.All(o => o.Value != input.Origin))
        {
            errors["origin"] = [$"Choose the action that originated the deal: {string.Join(", ", DealStages.Origins.Select(o => o.Value))}."];
        }

        if (input.Amount is < 0 or > 1_000_000_000_000m)
        {
            errors["amount"] = ["Enter an amount from 0 upwards."];
        }

        var (currency, currencyError) = Currencies.Normalise(input.Currency ?? deal.Currency);
        if (currencyError is not null)
        {
            errors["currency"] = [currencyError];
        }

        var contactIds = (input.ContactIds ?? []).Distinct().ToList();
        if (!contactIds.All(facts.ContactIds.Contains))
        {
            errors["contactIds"] = ["One of the contacts doesn't exist or you may not see it."];
        }

        if (input.OwnerId is { Length: > 0 } ownerId && !facts.ActiveUserIds.Contains(ownerId))
        {
            errors["ownerId"] = ["Choose an active user as the owner."];
        }

        if (input.PreviousPhaseDealId is { } previous && (previous == deal.Id || !facts.DealIds.Contains(previous)))
        {
            errors["previousPhaseDealId"] = ["Choose the deal of the previous phase."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        deal.CompanyId = input.CompanyId!.Value;
        deal.Description = description;
        deal.Country = country!;
        deal.Name = NameOf(country!, company!.Value.Name, description, lost: false);
        deal.DealClass = input.DealClass!;
        deal.Origin = input.Origin!;
        deal.Amount = decimal.Round(input.Amount ?? deal.Amount, 2, MidpointRounding.ToEven);
        deal.Currency = currency!;
        deal.ExpectedCloseDate = input.ExpectedCloseDate;
        deal.OwnerId = string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId;
        deal.Phase = Clean(input.Phase);
        deal.PreviousPhaseDealId = input.PreviousPhaseDealId;
        deal.BudgetConfirmed = input.BudgetConfirmed ?? deal.BudgetConfirmed;
        deal.BudgetNote = input.BudgetNote is null ? deal.BudgetNote : Clean(input.BudgetNote);
        deal.AuthorityConfirmed = input.AuthorityConfirmed ?? deal.AuthorityConfirmed;
        deal.AuthorityNote = input.AuthorityNote is null ? deal.AuthorityNote : Clean(input.AuthorityNote);
        deal.NeedConfirmed = input.NeedConfirmed ?? deal.NeedConfirmed;
        deal.NeedNote = input.NeedNote is null ? deal.NeedNote : Clean(input.NeedNote);
        deal.TimelineConfirmed = input.TimelineConfirmed ?? deal.TimelineConfirmed;
        deal.TimelineNote = input.TimelineNote is null ? deal.TimelineNote : Clean(input.TimelineNote);
        deal.ImplementationMethod = input.ImplementationMethod is null ? deal.ImplementationMethod : Clean(input.ImplementationMethod);
        deal.SuccessMetrics = input.SuccessMetrics is null ? deal.SuccessMetrics : Clean(input.SuccessMetrics);
        deal.PricingBasis = input.PricingBasis is null ? deal.PricingBasis : Clean(input.PricingBasis);
        deal.PricingFigures = input.PricingFigures is null ? deal.PricingFigures : Clean(input.PricingFigures);
        deal.ImplementationTimeline = input.ImplementationTimeline is null ? deal.ImplementationTimeline : Clean(input.ImplementationTimeline);
        deal.Contacts.RemoveAll(c => !contactIds.Contains(c.ContactId));
        deal.Contacts.AddRange(contactIds.Where(id => deal.Contacts.All(c => c.ContactId != id)).Select(id => new DealContact { DealId = deal.Id, ContactId = id }));
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
