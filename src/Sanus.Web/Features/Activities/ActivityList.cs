using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Activities;

/// <summary>The activity list of the API: filtered by a directly linked record and type, newest first, keyset paged.</summary>
public static class ActivityList
{
    public sealed record Filter(Guid? CompanyId = null, Guid? ContactId = null, Guid? DealId = null, string? Type = null, bool IncludeArchived = false);

    public sealed record Page(IReadOnlyList<ActivityRules.ActivityView> Items, string? NextCursor);

    public static async Task<Page> ListAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = db.Set<Activity>().AsNoTracking();
        if (!filter.IncludeArchived)
        {
            query = query.Where(a => a.ArchivedAt == null);
        }

        if (filter.CompanyId is { } company)
        {
            query = query.Where(a => a.Companies.Any(l => l.CompanyId == company));
        }

        if (filter.ContactId is { } contact)
        {
            query = query.Where(a => a.Contacts.Any(l => l.ContactId == contact));
        }

        if (filter.DealId is { } deal)
        {
            query = query.Where(a => a.Deals.Any(l => l.DealId == deal));
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(a => a.Type == filter.Type);
        }

        if (Cursor.Decode(cursor) is { } after)
        {
            var at = new DateTime(long.Parse(after.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            query = query.Where(a => a.At < at || (a.At == at && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit + 1)
            .Include(a => a.Companies).Include(a => a.Contacts).Include(a => a.Deals).Include(a => a.Attendees).AsSplitQuery().ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].At.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(ActivityRules.ActivityView.Of).ToList(), next);
    }
}
