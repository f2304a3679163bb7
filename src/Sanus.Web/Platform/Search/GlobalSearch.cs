using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Search;

/// <summary>The search box of the app shell: it searches every area that exists. Each area adds its own source here.</summary>
public static class GlobalSearch
{
    public sealed record Hit(string Kind, string Title, string Href, string Icon);

    public static async Task<List<Hit>> FindAsync(SanusDb db, string? text, int limit)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var pattern = "%" + text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
        var users = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern))
            .OrderBy(u => u.DisplayName).Take(limit)
            .Select(u => new Hit("User", u.DisplayName + " <" + u.Email + ">", "admin/users/" + u.Id, Icons.Material.Filled.Person))
            .ToListAsync();
        var roles = await db.Roles.AsNoTracking()
            .Where(r => EF.Functions.Like(r.NormalizedName!, pattern) || EF.Functions.Like(r.Code.ToUpper(), pattern))
            .OrderBy(r => r.Name).Take(limit)
            .Select(r => new Hit("Role", (r.Code == "" ? "" : r.Code + " ") + r.Name, "admin/roles/" + r.Id, Icons.Material.Filled.Badge))
            .ToListAsync();
        return [.. users, .. roles];
    }
}
