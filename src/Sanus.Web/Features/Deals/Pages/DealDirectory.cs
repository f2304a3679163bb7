using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Companies.Pages;

namespace Sanus.Web.Features.Deals.Pages;

/// <summary>
/// Names the deal screens show next to ids (companies, owners) and the choices they offer. Read-only look-ups in the
/// caller's scope: the rules check every chosen value again.
/// </summary>
public static class DealDirectory
{
    public sealed record Person(string Id, string Name);

    public static async Task<Dictionary<Guid, string>> CompanyNamesAsync(SanusDb db, IEnumerable<Guid> ids)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Company>().AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
    }

    public static async Task<Dictionary<string, string>> UserNamesAsync(SanusDb db, IEnumerable<string?> ids)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }

    /// <summary>The owner filter offers the Business Development pool (where owners come from, DL-7) and anyone owning a visible deal.</summary>
    public static async Task<List<Person>> OwnersAsync(SanusDb db)
    {
        var pool = from userRole in db.UserRoles
                   join role in db.Roles on userRole.RoleId equals role.Id
                   where role.Name == OwnerSuggestion.PoolRole
                   select userRole.UserId;
        var owners = db.Set<Deal>().Where(d => d.OwnerId != null).Select(d => d.OwnerId!);
        return await db.Users.AsNoTracking().Where(u => pool.Contains(u.Id) || owners.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
    }

    public static Task<List<Platform.Lookups.Lookup>> DealClassesAsync(SanusDb db) => CompanyLookups.ActiveAsync(db, DealLookups.DealClassList);

    public static Task<List<Platform.Lookups.Lookup>> LostReasonsAsync(SanusDb db) => CompanyLookups.ActiveAsync(db, DealLookups.LostReasonList);
}
