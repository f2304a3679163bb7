using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Tasks;

/// <summary>Task lists (ACT-2): mine, overdue, done or open, of a record; soonest due first, keyset paged.</summary>
public static class TaskList
{
    public sealed record Filter(bool Mine = false, bool? Overdue = null, bool? Done = null, Guid? CompanyId = null, Guid? ContactId = null, Guid? DealId = null);

    public sealed record Page(IReadOnlyList<TaskRules.TaskView> Items, string? NextCursor);

    public static async Task<Page> ListAsync(SanusDb db, TimeProvider clock, Filter filter, int limit, string? cursor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<TaskItem>().AsNoTracking().Where(t => t.ArchivedAt == null);
        if (filter.Mine)
        {
            var me = db.CurrentUserId;
            query = query.Where(t => t.OwnerId == me);
        }

        query = filter.Overdue switch
        {
            true => query.Where(t => !t.Done && t.DueAt < now),
            false => query.Where(t => t.Done || t.DueAt >= now),
            null => query,
        };
        if (filter.Done is { } done)
        {
            query = query.Where(t => t.Done == done);
        }

        if (filter.CompanyId is { } company)
        {
            query = query.Where(t => t.CompanyId == company);
        }

        if (filter.ContactId is { } contact)
        {
            query = query.Where(t => t.ContactId == contact);
        }

        if (filter.DealId is { } deal)
        {
            query = query.Where(t => t.DealId == deal);
        }

        if (Cursor.Decode(cursor) is { } after)
        {
            var due = new DateTime(long.Parse(after.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            query = query.Where(t => t.DueAt > due || (t.DueAt == due && t.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(limit + 1).ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].DueAt.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(t => TaskRules.TaskView.Of(t, now)).ToList(), next);
    }
}
