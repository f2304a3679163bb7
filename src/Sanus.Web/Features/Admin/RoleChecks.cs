using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.Features.Admin;

/// <summary>Which roles a user may hold: named roles that exist, and only external roles for a partner's user (ACC-3).</summary>
internal static class RoleChecks
{
    /// <summary>The roles named, found by name; problems are added to <paramref name="errors"/> by field.</summary>
    public static async Task<List<SanusRole>> ResolveAsync(SanusDb db, IReadOnlyList<string>? names, Guid? partnerCompanyId, Dictionary<string, string[]> errors)
    {
        var wanted = (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            errors["roles"] = ["Choose at least one role."];
            return [];
        }

        var normalized = wanted.Select(n => n.Normalize().ToUpperInvariant()).ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => normalized.Contains(r.NormalizedName!)).ToListAsync();
        var unknown = wanted.Where(n => !roles.Any(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"There is no role named {string.Join(", ", unknown.Select(n => $"\"{n}\""))}."];
            return roles;
        }

        if (partnerCompanyId is null && roles.Any(r => r.IsExternal))
        {
            errors["partnerCompanyId"] = [$"{string.Join(", ", roles.Where(r => r.IsExternal).Select(r => r.Name))} is a role for a distributor's staff: enter the distributor's company id."];
        }

        if (partnerCompanyId is not null && roles.Any(r => !r.IsExternal))
        {
            errors["roles"] = [$"A partner company's user may hold only external roles; remove {string.Join(", ", roles.Where(r => !r.IsExternal).Select(r => r.Name))}."];
        }

        return roles;
    }
}
