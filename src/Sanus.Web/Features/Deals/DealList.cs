using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Deals;

/// <summary>The pipeline board and the deal list (DL-8): filters on the server, first cards per column, more on demand.</summary>
public static class DealList
{
    public sealed record Filter(string? OwnerId = null, string? DealClass = null, string? Country = null, string? CloseMonth = null, Guid? CompanyId = null, string? Q = null, bool Unowned = false, bool IncludeArchived = false, string? Sort = null);

    public sealed record Card(Guid Id, string Name, string Stage, decimal Amount, string Currency, DateOnly? ExpectedCloseDate, string? OwnerId, string DealClass, Guid CompanyId, DateTime StageEnteredAt);

    public sealed record Total(string Currency, decimal Amount, decimal Weighted);

    public sealed record Column(string Stage, int Probability, int Count, IReadOnlyList<Total> Totals, IReadOnlyList<Card> Cards, string? NextCursor);

    public sealed record Page(IReadOnlyList<Card> Items, string? NextCursor);

    /// <summary>A column header without its cards: the board refreshes these after a move.</summary>
    public sealed record Summary(string Stage, int Probability, int Count, IReadOnlyList<Total> Totals);

    /// <summary>The filter as the query string the API and saved views use.</summary>
    public static string ToQuery(Filter f) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = f.Q,
        ["ownerId"] = f.OwnerId,
        ["dealClass"] = f.DealClass,
        ["country"] = f.Country,
        ["closeMonth"] = f.CloseMonth,
        ["companyId"] = f.CompanyId?.ToString(),
        ["unowned"] = f.Unowned ? "true" : null,
        ["includeArchived"] = f.IncludeArchived ? "true" : null,
        ["sort"] = f.Sort,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString().TrimStart('?');

    public static Filter FromQuery(string query)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;
        return new Filter(
            Get("ownerId"), Get("dealClass"), Get("country"), Get("closeMonth"), Guid.TryParse(Get("companyId"), out var company) ? company : null,
            Get("q"), Get("unowned") == "true", Get("includeArchived") == "true", Get("sort") ?? "name");
    }

    public static IQueryable<Deal> Query(SanusDb db, Filter filter)
    {
        var query = db.Set<Deal>().AsNoTracking();
        if (!filter.IncludeArchived)
        {
            query = query.Where(d => d.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            query = query.Where(d => d.OwnerId == filter.OwnerId);
        }

        if (filter.Unowned)
        {
            query = query.Where(d => d.OwnerId == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.DealClass))
        {
            query = query.Where(d => d.DealClass == filter.DealClass);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(d => d.Country == country);
        }

        if (filter.CompanyId is { } companyId)
        {
            query = query.Where(d => d.CompanyId == companyId);
        }

        if (!string.IsNullOrWhiteSpace(filter.CloseMonth))
        {
            if (!DateOnly.TryParseExact(filter.CloseMonth + "-01", "yyyy-MM-dd", out var first))
            {
                throw ProblemException.Invalid("closeMonth", "Give the close month as YYYY-MM, e.g. 2026-12.");
            }

            var next = first.AddMonths(1);
            query = query.Where(d => d.ExpectedCloseDate >= first && d.ExpectedCloseDate < next);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            query = query.Where(d => EF.Functions.Like(d.Name, "%" + text + "%"));
        }

        return query;
    }

    public static async Task<List<Column>> BoardAsync(SanusDb db, Filter filter, int cardsPerColumn)
    {
        var columns = new List<Column>();
        foreach (var summary in await SummariesAsync(db, filter))
        {
            var page = await CardsAsync(db, filter, summary.Stage, cardsPerColumn, null);
            columns.Add(new Column(summary.Stage, summary.Probability, summary.Count, summary.Totals, page.Items, page.NextCursor));
        }

        return columns;
    }

    /// <summary>Count, total and weighted total (per currency) of every column, in stage order: one grouped query.</summary>
    public static async Task<List<Summary>> SummariesAsync(SanusDb db, Filter filter)
    {
        var probabilities = await db.Set<StageProbability>().AsNoTracking().ToDictionaryAsync(p => p.Stage, p => p.Percent);
        var sums = await Query(db, filter).GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new { g.Key.Stage, g.Key.Currency, Count = g.Count(), Minor = g.Sum(d => d.AmountMinor) })
            .ToListAsync();
        return DealStages.All.Select(stage =>
        {
            var percent = probabilities.GetValueOrDefault(stage);
            var totals = sums.Where(s => s.Stage == stage)
                .Select(s => new Total(s.Currency, s.Minor / 100m, decimal.Round(s.Minor / 100m * percent / 100m, 2)))
                .OrderBy(t => t.Currency).ToList();
            return new Summary(stage, percent, sums.Where(s => s.Stage == stage).Sum(s => s.Count), totals);
        }).ToList();
    }

    /// <summary>Every stage move of a deal in the caller's scope, oldest first (DL-2).</summary>
    public static async Task<List<DealsApi.StageChangeView>> StagesAsync(SanusDb db, Guid id)
    {
        await DealRules.GetAsync(db, id);
        return await db.Set<DealStageChange>().AsNoTracking().Where(s => s.DealId == id).OrderBy(s => s.At)
            .Select(s => new DealsApi.StageChangeView(s.FromStage, s.ToStage, s.At, s.UserId)).ToListAsync();
    }

    /// <summary>The cards of one column, largest amount first, keyset paged.</summary>
    public static async Task<Page> CardsAsync(SanusDb db, Filter filter, string stage, int limit, string? cursor)
    {
        if (!DealStages.All.Contains(stage))
        {
            throw ProblemException.Invalid("stage", $"Choose one of: {string.Join(", ", DealStages.All)}.");
        }

        var query = Query(db, filter).Where(d => d.Stage == stage);
        if (Cursor.Decode(cursor) is { } after)
        {
            var minor = long.Parse(after.SortValue, System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(d => d.AmountMinor < minor || (d.AmountMinor == minor && d.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderByDescending(d => d.AmountMinor).ThenBy(d => d.Id).Take(limit + 1).ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(ToCard).ToList(), next);
    }

    /// <summary>The list view: sorted by name, amount or close date, keyset paged.</summary>
    public static async Task<Page> ListAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = Query(db, filter);
        var after = Cursor.Decode(cursor);
        List<Deal> rows;
        Func<Deal, string> key;
        switch (filter.Sort ?? "name")
        {
            case "name":
                if (after is { } a)
                {
                    query = query.Where(d => d.Name.CompareTo(a.SortValue) > 0 || (d.Name == a.SortValue && d.Id.CompareTo(a.Id) > 0));
                }

                rows = await query.OrderBy(d => d.Name).ThenBy(d => d.Id).Take(limit + 1).ToListAsync();
                key = d => d.Name;
                break;
            case "-amount":
                if (after is { } m)
                {
                    var minor = long.Parse(m.SortValue, System.Globalization.CultureInfo.InvariantCulture);
                    query = query.Where(d => d.AmountMinor < minor || (d.AmountMinor == minor && d.Id.CompareTo(m.Id) > 0));
                }

                rows = await query.OrderByDescending(d => d.AmountMinor).ThenBy(d => d.Id).Take(limit + 1).ToListAsync();
                key = d => d.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                throw ProblemException.Invalid("sort", "Sort by name or -amount.");
        }

        var next = rows.Count > limit ? Cursor.Encode(key(rows[limit - 1]), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(ToCard).ToList(), next);
    }

    public static Card ToCard(Deal d) => new(d.Id, d.Name, d.Stage, d.Amount, d.Currency, d.ExpectedCloseDate, d.OwnerId, d.DealClass, d.CompanyId, d.StageEnteredAt);
}
