using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Tasks;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Activities;

/// <summary>
/// One timeline per record (ACT-1): its activities, its tasks (at their due time) and its deals' stage moves,
/// newest first. Each source reads one keyset page from its own index and the pages are merged, so the
/// timeline never loads a whole table; the cursor is the (time, id) of the last item shown.
/// </summary>
public static class TimelineFeed
{
    public const string ActivityKind = "activity";
    public const string TaskKind = "task";
    public const string StageKind = "stage-change";

    public sealed record Item(
        string Kind, Guid Id, DateTime At, string Title, string? Body, string? ActivityType, string? Direction, string? OwnerId,
        bool? Done, bool Overdue, Guid? DealId, string? DealName, string? FromStage, string? ToStage, DateTime? EndsAt, string? Location);

    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    private sealed record Sources(IQueryable<Activity> Activities, IQueryable<TaskItem> Tasks, IQueryable<DealStageChange> Stages);

    public static async Task<Page> PageAsync(SanusDb db, TimeProvider clock, Guid? companyId, Guid? contactId, Guid? dealId, int limit, string? cursor)
    {
        var sources = await SourcesAsync(db, companyId, contactId, dealId);
        var now = clock.GetUtcNow().UtcDateTime;
        var after = Cursor.Decode(cursor) is { } c ? (At: new DateTime(long.Parse(c.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc), c.Id) : ((DateTime At, Guid Id)?)null;

        var activities = sources.Activities.AsNoTracking().Where(a => a.ArchivedAt == null);
        var tasks = sources.Tasks.AsNoTracking().Where(t => t.ArchivedAt == null);
        var stages = sources.Stages.AsNoTracking();
        if (after is { } a)
        {
            activities = activities.Where(x => x.At < a.At || (x.At == a.At && x.Id.CompareTo(a.Id) < 0));
            tasks = tasks.Where(x => x.DueAt < a.At || (x.DueAt == a.At && x.Id.CompareTo(a.Id) < 0));
            stages = stages.Where(x => x.At < a.At || (x.At == a.At && x.Id.CompareTo(a.Id) < 0));
        }

        var items = new List<Item>();
        items.AddRange((await activities.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Take(limit + 1)
                .Select(x => new { x.Id, x.At, x.Subject, x.Body, x.Type, x.Direction, x.OwnerId, x.EndsAt, x.Location }).ToListAsync())
            .Select(x => new Item(ActivityKind, x.Id, x.At, x.Subject, x.Body, x.Type, x.Direction, x.OwnerId, null, false, null, null, null, null, x.EndsAt, x.Location)));
        items.AddRange((await tasks.OrderByDescending(x => x.DueAt).ThenByDescending(x => x.Id).Take(limit + 1)
                .Select(x => new { x.Id, x.DueAt, x.Title, x.OwnerId, x.Done, x.DealId }).ToListAsync())
            .Select(x => new Item(TaskKind, x.Id, x.DueAt, x.Title, null, null, null, x.OwnerId, x.Done, !x.Done && x.DueAt < now, x.DealId, null, null, null, null, null)));
        items.AddRange((await stages.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Take(limit + 1).ToListAsync())
            .Select(x => new Item(StageKind, x.Id, x.At, x.FromStage is null ? $"Deal created at {x.ToStage}" : $"Moved from {x.FromStage} to {x.ToStage}",
                null, null, null, x.UserId, null, false, x.DealId, null, x.FromStage, x.ToStage, null, null)));

        var page = items.OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(limit + 1).ToList();
        var next = page.Count > limit ? Cursor.Encode(page[limit - 1].At.Ticks.ToString(CultureInfo.InvariantCulture), page[limit - 1].Id) : null;
        page = page.Take(limit).ToList();

        var dealIds = page.Where(i => i.Kind == StageKind).Select(i => i.DealId!.Value).Distinct().ToList();
        var names = await db.Set<Deal>().AsNoTracking().Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name);
        return new Page(page.Select(i => i.Kind == StageKind ? i with { DealName = names.GetValueOrDefault(i.DealId!.Value) } : i).ToList(), next);
    }

    /// <summary>
    /// The activities whose ids the link tables give. Starting from the links (a few rows per record, found by their
    /// own indexes) and not from the activities' time index keeps a record with 25 activities among 500,000 from
    /// walking all of them to find its 25.
    /// </summary>
    private static IQueryable<Activity> Linked(SanusDb db, IQueryable<Guid> activityIds) =>
        db.Set<Activity>().Where(a => activityIds.Contains(a.Id));

    /// <summary>What belongs to the record: a company's own and its contacts' and deals'; a contact's own and its deals'; a deal's own.</summary>
    private static async Task<Sources> SourcesAsync(SanusDb db, Guid? companyId, Guid? contactId, Guid? dealId)
    {
        if (new[] { companyId, contactId, dealId }.Count(id => id is not null) != 1)
        {
            throw ProblemException.Invalid("record", "Give exactly one of companyId, contactId or dealId.");
        }

        if (companyId is { } company)
        {
            await CompanyRules.GetAsync(db, company);
            var contacts = db.Set<ContactCompany>().Where(cc => cc.CompanyId == company).Select(cc => cc.ContactId);
            var deals = db.Set<Deal>().Where(d => d.CompanyId == company).Select(d => d.Id);
            return new Sources(
                Linked(db, db.Set<ActivityCompany>().Where(l => l.CompanyId == company).Select(l => l.ActivityId)
                    .Union(db.Set<ActivityContact>().Where(l => contacts.Contains(l.ContactId)).Select(l => l.ActivityId))
                    .Union(db.Set<ActivityDeal>().Where(l => deals.Contains(l.DealId)).Select(l => l.ActivityId))),
                db.Set<TaskItem>().Where(t => t.CompanyId == company || (t.ContactId != null && contacts.Contains(t.ContactId.Value)) || (t.DealId != null && deals.Contains(t.DealId.Value))),
                db.Set<DealStageChange>().Where(s => deals.Contains(s.DealId)));
        }

        if (contactId is { } contact)
        {
            await ContactRules.GetAsync(db, contact);
            var deals = db.Set<Deal>().Where(d => d.Contacts.Any(dc => dc.ContactId == contact)).Select(d => d.Id);
            return new Sources(
                Linked(db, db.Set<ActivityContact>().Where(l => l.ContactId == contact).Select(l => l.ActivityId)
                    .Union(db.Set<ActivityDeal>().Where(l => deals.Contains(l.DealId)).Select(l => l.ActivityId))),
                db.Set<TaskItem>().Where(t => t.ContactId == contact || (t.DealId != null && deals.Contains(t.DealId.Value))),
                db.Set<DealStageChange>().Where(s => deals.Contains(s.DealId)));
        }

        var deal = dealId!.Value;
        await DealRules.GetAsync(db, deal);
        return new Sources(
            Linked(db, db.Set<ActivityDeal>().Where(l => l.DealId == deal).Select(l => l.ActivityId)),
            db.Set<TaskItem>().Where(t => t.DealId == deal),
            db.Set<DealStageChange>().Where(s => s.DealId == deal));
    }
}
