using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Catalogue;

/// <summary>The product list: search and kind filter on the server, sorted by name or SKU, keyset paged (UX-2).</summary>
public static class ProductList
{
    public sealed record Filter(string? Q = null, string? Kind = null, bool IncludeArchived = false, string? Sort = null);

    public sealed record Row(Guid Id, string Sku, string Name, string Kind, string Unit, string? Gtin, string? ReferenceRegulation, DateTime? ArchivedAt);

    public sealed record Page(IReadOnlyList<Row> Items, string? NextCursor);

    public static IQueryable<Product> Query(SanusDb db, Filter filter)
    {
        var query = db.Set<Product>().AsNoTracking();
        if (!filter.IncludeArchived)
        {
            query = query.Where(p => p.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (!ProductKinds.All.Contains(filter.Kind))
            {
                throw ProblemException.Invalid("kind", $"Filter by one of the kinds: {string.Join(", ", ProductKinds.All)}.");
            }

            query = query.Where(p => p.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            var text = filter.Q.Trim().ToLowerInvariant();
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var gtinPattern = "%" + digits + "%";
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\") || EF.Functions.Like(p.Sku.ToLower(), pattern, "\\")
                || (digits.Length >= 4 && p.Gtin != null && EF.Functions.Like(p.Gtin, gtinPattern)));
        }

        return query;
    }

    public static async Task<Page> FindAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = Query(db, filter);
        var after = Cursor.Decode(cursor);
        List<Product> rows;
        switch (filter.Sort ?? "name")
        {
            case "name":
                if (after is { } a)
                {
                    query = query.Where(p => p.Name.CompareTo(a.SortValue) > 0 || (p.Name == a.SortValue && p.Id.CompareTo(a.Id) > 0));
                }

                rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(limit + 1).ToListAsync();
                return Paged(rows, limit, p => p.Name);
            case "sku":
                if (after is { } s)
                {
                    query = query.Where(p => p.Sku.CompareTo(s.SortValue) > 0 || (p.Sku == s.SortValue && p.Id.CompareTo(s.Id) > 0));
                }

                rows = await query.OrderBy(p => p.Sku).ThenBy(p => p.Id).Take(limit + 1).ToListAsync();
                return Paged(rows, limit, p => p.Sku);
            default:
                throw ProblemException.Invalid("sort", "Sort by name or sku.");
        }
    }

    private static Page Paged(List<Product> rows, int limit, Func<Product, string> sortValue)
    {
        var next = rows.Count > limit ? Cursor.Encode(sortValue(rows[limit - 1]), rows[limit - 1].Id) : null;
        return new Page(
            rows.Take(limit).Select(p => new Row(p.Id, p.Sku, p.Name, p.Kind, p.Unit, p.Gtin, p.ReferenceRegulation, p.ArchivedAt)).ToList(),
            next);
    }
}
