using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;

namespace Sanus.Web.Features.Deals;

/// <summary>DL-7: owners come from the Business Development pool covering the deal class; the lightest open pipeline is suggested.</summary>
public static class OwnerSuggestion
{
    public const string PoolRole = "Business Development";

    public sealed record Candidate(string UserId, string Name, int OpenDeals, decimal OpenAmount, bool Suggested);

    public static async Task<List<Candidate>> CandidatesAsync(SanusDb db, string dealClass)
    {
        var pool = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            join coverage in db.Set<OwnerCoverage>() on user.Id equals coverage.UserId
            where role.Name == PoolRole && coverage.DealClass == dealClass && user.IsActive
            select new { user.Id, user.DisplayName }).Distinct().ToListAsync();
        var ids = pool.Select(p => p.Id).ToList();
        var open = DealStagesOpen();
        var load = await db.Set<Deal>().IgnoreQueryFilters()
            .Where(d => d.OwnerId != null && ids.Contains(d.OwnerId) && d.DealClass == dealClass && open.Contains(d.Stage) && d.ArchivedAt == null)
            .GroupBy(d => d.OwnerId!)
            .Select(g => new { OwnerId = g.Key, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) })
            .ToListAsync();
        var ranked = pool
            .Select(p => load.FirstOrDefault(l => l.OwnerId == p.Id) is { } l
                ? (p.Id, p.DisplayName, l.Count, Amount: l.Amount / 100m)
                : (p.Id, p.DisplayName, Count: 0, Amount: 0m))
            .OrderBy(c => c.Count).ThenBy(c => c.Amount).ThenBy(c => c.DisplayName)
            .ToList();
        return ranked.Select((c, i) => new Candidate(c.Id, c.DisplayName, c.Count, c.Amount, i == 0)).ToList();
    }

    private static List<string> DealStagesOpen() => DealStages.InOrder.Where(DealStages.IsOpen).ToList();
}
