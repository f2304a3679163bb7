using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Dashboards;

/// <summary>
/// The sales pipeline in aggregate: open deals by stage, expected close month, class and origin, deals idle in their stage,
/// and the win rate. Each figure is one grouped query; amounts stay per currency because they can't be added across them.
/// </summary>
public static class SalesDashboard
{
    /// <summary>A deal that has sat this long in its stage is shown as idle.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(30);

    public sealed record Amount(string Currency, decimal Value);

    public sealed record Group(string Key, int Count, List<Amount> Totals);

    public sealed record Sales(
        List<Group> ByStage, List<Group> ByCloseMonth, List<Group> ByClass, List<Group> ByOrigin,
        Dictionary<string, int> IdleByStage, int Won, int Lost, decimal? WinRate);

    public static async Task<Sales> ComputeAsync(SanusDb db, TimeProvider clock)
    {
        var open = db.Set<Deal>().AsNoTracking().Where(d => d.ArchivedAt == null && d.Stage != DealStages.Lost);

        // The board's column totals are the stage figures: one grouped query, shared.
        var byStage = await DealList.SummariesAsync(db, new DealList.Filter());
        var byMonth = await open.Where(d => d.ExpectedCloseDate != null)
            .GroupBy(d => new { d.ExpectedCloseDate!.Value.Year, d.ExpectedCloseDate.Value.Month, d.Currency })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Currency, Count = g.Count(), Minor = g.Sum(d => d.AmountMinor) }).ToListAsync();
        var byClass = await SumsAsync(open.Select(d => new Keyed { Key = d.DealClass, Currency = d.Currency, Minor = d.AmountMinor }));
        var byOrigin = await SumsAsync(open.Select(d => new Keyed { Key = d.Origin, Currency = d.Currency, Minor = d.AmountMinor }));

        var idleSince = clock.GetUtcNow().UtcDateTime - IdleAfter;
        var idle = await open.Where(d => d.StageEnteredAt < idleSince).GroupBy(d => d.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Stage, g => g.Count);

        // Won means the deal was signed at some point: later stages and a later loss don't undo the signature.
        var won = await db.Set<DealStageChange>().AsNoTracking().Where(s => s.ToStage == DealStages.ContractSigned)
            .Select(s => s.DealId).Distinct().CountAsync();
        var lost = await db.Set<Deal>().AsNoTracking().CountAsync(d => d.ArchivedAt == null && d.Stage == DealStages.Lost);

        return new Sales(
            [.. byStage.Where(s => s.Stage != DealStages.Lost).Select(s => new Group(s.Stage, s.Count, [.. s.Totals.Select(t => new Amount(t.Currency, t.Amount))]))],
            [.. byMonth.Select(m => new Sum($"{m.Year:D4}-{m.Month:D2}", m.Currency, m.Count, m.Minor)).GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => Collect(g.Key, g))],
            [.. byClass.GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => Collect(g.Key, g))],
            [.. byOrigin.GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => Collect(g.Key, g))],
            DealStages.InOrder.ToDictionary(stage => stage, stage => idle.GetValueOrDefault(stage)),
            won, lost, won + lost == 0 ? null : decimal.Round(won * 100m / (won + lost), 1));
    }

    private sealed record Sum(string Key, string Currency, int Count, long Minor);

    /// <summary>A deal's amount under the key it is grouped by; a class with setters, so EF can group by its members.</summary>
    private sealed class Keyed
    {
        public required string Key { get; init; }

        public required string Currency { get; init; }

        public required long Minor { get; init; }
    }

    private static Task<List<Sum>> SumsAsync(IQueryable<Keyed> amounts) =>
        amounts.GroupBy(a => new { a.Key, a.Currency })
            .Select(g => new Sum(g.Key.Key, g.Key.Currency, g.Count(), g.Sum(a => a.Minor))).ToListAsync();

    private static Group Collect(string key, IEnumerable<Sum> sums) =>
        new(key, sums.Sum(s => s.Count), [.. sums.OrderBy(s => s.Currency).Select(s => new Amount(s.Currency, s.Minor / 100m))]);
}
