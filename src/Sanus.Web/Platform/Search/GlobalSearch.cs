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
        if (SearchText.Words(text).Count == 0)
        {
            return [];
        }

        var companies = await FullText.Companies(db, text!).AsNoTracking().Where(c => c.ArchivedAt == null)
            .OrderBy(c => c.NormalizedName).Take(limit)
            .Select(c => new Hit("Company", c.Name + " · " + c.Country, "companies/" + c.Id, Icons.Material.Filled.Business))
            .ToListAsync();
        var contacts = await FullText.Contacts(db, text!).AsNoTracking().Where(c => c.ArchivedAt == null)
            .OrderBy(c => c.SortName).Take(limit)
            .Select(c => new Hit("Contact", c.FirstName + " " + c.LastName + " · " + c.Email, "contacts/" + c.Id, Icons.Material.Filled.Person))
            .ToListAsync();
        var deals = await FullText.Deals(db, text!).AsNoTracking().Where(d => d.ArchivedAt == null)
            .OrderBy(d => d.Name).Take(limit)
            .Select(d => new Hit("Deal", d.Name + " · " + d.Stage, "deals/" + d.Id, Icons.Material.Filled.Handshake))
            .ToListAsync();
        if (db.PartnerScope is not null)
        {
            return [.. companies, .. contacts, .. deals];
        }

        // Staff also find colleagues; partners never see the maker's user list.
        // Wildcards are dropped rather than escaped: nobody searches for a literal % in a name.
        var pattern = "%" + text!.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
        var users = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern))
            .OrderBy(u => u.DisplayName).Take(limit)
            .Select(u => new Hit("User", u.DisplayName + " <" + u.Email + ">", "admin/users/" + u.Id, Icons.Material.Filled.ManageAccounts))
            .ToListAsync();
        return [.. companies, .. contacts, .. deals, .. users];
    }
}
