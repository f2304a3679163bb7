using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Web.Features.Companies;

/// <summary>The company list: filters and sort on the server, keyset paging (UX-2).</summary>
public static class CompanyList
{
    public sealed record Filter(string? Q = null, string? Country = null, string? Kind = null, string? LeadStatus = null, string? OwnerId = null, bool IncludeArchived = false, string? Sort = null);

    public sealed record Row(Guid Id, string Name, string Country, string Website, string Kind, string LeadStatus, string? OwnerId, DateTime CreatedAt, DateTime? ArchivedAt);

    public sealed record Page(IReadOnlyList<Row> Items, string? NextCursor);

    /// <summary>The filter as the query string the API and saved views use.</summary>
    public static string ToQuery(Filter f) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = f.Q,
        ["country"] = f.Country,
        ["kind"] = f.Kind,
        ["leadStatus"] = f.LeadStatus,
        ["ownerId"] = f.OwnerId,
        ["includeArchived"] = f.IncludeArchived ? "true" : null,
        ["sort"] = f.Sort,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString().TrimStart('?');

    public static Filter FromQuery(string query)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;
        return new Filter(Get("q"), Get("country"), Get("kind"), Get("leadStatus"), Get("ownerId"), Get("includeArchived") == "true", Get("sort") ?? "name");
    }


    /// <summary>The companies matching the filter (not the sort): what the list pages through and what an export writes.</summary>
    public static IQueryable<Company> Query(SanusDb db, Filter filter)
    {
        var query = (string.IsNullOrWhiteSpace(filter.Q) ? db.Set<Company>() : FullText.Companies(db, filter.Q)).AsNoTracking();
        if (!filter.IncludeArchived)
        {
            query = query.Where(c => c.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(c => c.Country == country);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(c => c.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.LeadStatus))
        {
            query = query.Where(c => c.LeadStatus == filter.LeadStatus);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            query = query.Where(c => c.OwnerId == filter.OwnerId);
        }

        return query;
    }

    public static async Task<Page> FindAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = Query(db, filter);
        var after = Cursor.Decode(cursor);
        List<Company> rows;
        switch (filter.Sort ?? "name")
        {
            case "name":
                if (after is { } a)
                {
                    query = query.Where(c => c.NormalizedName.CompareTo(a.SortValue) > 0 || (c.NormalizedName == a.SortValue && c.Id.CompareTo(a.Id) > 0));
                }

                rows = await query.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id).Take(limit + 1).ToListAsync();
                return Paged(rows, limit, c => c.NormalizedName);
            case "-name":
                if (after is { } d)
                {
                    query = query.Where(c => c.NormalizedName.CompareTo(d.SortValue) < 0 || (c.NormalizedName == d.SortValue && c.Id.CompareTo(d.Id) < 0));
                }

                rows = await query.OrderByDescending(c => c.NormalizedName).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync();
                return Paged(rows, limit, c => c.NormalizedName);
            case "country":
                if (after is { } k)
                {
                    query = query.Where(c => c.Country.CompareTo(k.SortValue) > 0 || (c.Country == k.SortValue && c.Id.CompareTo(k.Id) > 0));
                }

                rows = await query.OrderBy(c => c.Country).ThenBy(c => c.Id).Take(limit + 1).ToListAsync();
                return Paged(rows, limit, c => c.Country);
            default:
                throw ProblemException.Invalid("sort", "Sort by name, -name or country.");
        }
    }

    private static Page Paged(List<Company> rows, int limit, Func<Company, string> sortValue)
    {
        var next = rows.Count > limit ? Cursor.Encode(sortValue(rows[limit - 1]), rows[limit - 1].Id) : null;
        return new Page(
            rows.Take(limit).Select(c => new Row(c.Id, c.Name, c.Country, c.Website, c.Kind, c.LeadStatus, c.OwnerId, c.CreatedAt, c.ArchivedAt)).ToList(),
            next);
    }
}
