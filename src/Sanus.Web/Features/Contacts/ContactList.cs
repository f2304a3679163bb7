using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Web.Features.Contacts;

/// <summary>The contact list: filters and sort on the server, keyset paging (UX-2).</summary>
public static class ContactList
{
    public sealed record Filter(string? Q = null, Guid? CompanyId = null, string? LifecycleStage = null, string? OwnerId = null, bool? IsKol = null, bool IncludeArchived = false, string? Sort = null);

    public sealed record Row(Guid Id, string FirstName, string LastName, string Email, string JobTitle, string? Phone, string LifecycleStage, bool IsKol, string? OwnerId, DateTime? ArchivedAt);

    public sealed record Page(IReadOnlyList<Row> Items, string? NextCursor);

    /// <summary>The filter as the query string the API and saved views use.</summary>
    public static string ToQuery(Filter f) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = f.Q,
        ["companyId"] = f.CompanyId?.ToString(),
        ["lifecycleStage"] = f.LifecycleStage,
        ["ownerId"] = f.OwnerId,
        ["isKol"] = f.IsKol is { } kol ? (kol ? "true" : "false") : null,
        ["includeArchived"] = f.IncludeArchived ? "true" : null,
        ["sort"] = f.Sort,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString().TrimStart('?');

    public static Filter FromQuery(string query)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;
        return new Filter(Get("q"), Guid.TryParse(Get("companyId"), out var company) ? company : null, Get("lifecycleStage"), Get("ownerId"),
            Get("isKol") is { } kol ? kol == "true" : null, Get("includeArchived") == "true", Get("sort") ?? "name");
    }

    public static IQueryable<Contact> Query(SanusDb db, Filter filter)
    {
        var query = (string.IsNullOrWhiteSpace(filter.Q) ? db.Set<Contact>() : FullText.Contacts(db, filter.Q)).AsNoTracking();
        if (!filter.IncludeArchived)
        {
            query = query.Where(c => c.ArchivedAt == null);
        }

        if (filter.CompanyId is { } companyId)
        {
            query = query.Where(c => c.Companies.Any(cc => cc.CompanyId == companyId));
        }

        if (!string.IsNullOrWhiteSpace(filter.LifecycleStage))
        {
            query = query.Where(c => c.LifecycleStage == filter.LifecycleStage);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            query = query.Where(c => c.OwnerId == filter.OwnerId);
        }

        if (filter.IsKol is { } kol)
        {
            query = query.Where(c => c.IsKol == kol);
        }

        return query;
    }

    public static async Task<Page> FindAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = Query(db, filter);
        var after = Cursor.Decode(cursor);
        List<Contact> rows;
        Func<Contact, string> key;
        switch (filter.Sort ?? "name")
        {
            case "name":
                if (after is { } a)
                {
                    query = query.Where(c => c.SortName.CompareTo(a.SortValue) > 0 || (c.SortName == a.SortValue && c.Id.CompareTo(a.Id) > 0));
                }

                rows = await query.OrderBy(c => c.SortName).ThenBy(c => c.Id).Take(limit + 1).ToListAsync();
                key = c => c.SortName;
                break;
            case "-name":
                if (after is { } d)
                {
                    query = query.Where(c => c.SortName.CompareTo(d.SortValue) < 0 || (c.SortName == d.SortValue && c.Id.CompareTo(d.Id) < 0));
                }

                rows = await query.OrderByDescending(c => c.SortName).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync();
                key = c => c.SortName;
                break;
            case "email":
                if (after is { } e)
                {
                    query = query.Where(c => c.NormalizedEmail.CompareTo(e.SortValue) > 0 || (c.NormalizedEmail == e.SortValue && c.Id.CompareTo(e.Id) > 0));
                }

                rows = await query.OrderBy(c => c.NormalizedEmail).ThenBy(c => c.Id).Take(limit + 1).ToListAsync();
                key = c => c.NormalizedEmail;
                break;
            default:
                throw ProblemException.Invalid("sort", "Sort by name, -name or email.");
        }

        var next = rows.Count > limit ? Cursor.Encode(key(rows[limit - 1]), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(c => new Row(c.Id, c.FirstName, c.LastName, c.Email, c.JobTitle, c.Phone, c.LifecycleStage, c.IsKol, c.OwnerId, c.ArchivedAt)).ToList(), next);
    }
}
