using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Lookups;

/// <summary>Checks against the configurable lists, with the refusal that names the values to choose from.</summary>
public static class Lookups
{
    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="value"/> is an active value of the list.</summary>
    public static async Task RequireAsync(SanusDb db, string list, string? value, string field, string what, Dictionary<string, string[]> errors)
    {
        if (value is not null && await db.Set<Lookup>().AnyAsync(l => l.List == list && l.Value == value && l.IsActive))
        {
            return;
        }

        var values = await db.Set<Lookup>().Where(l => l.List == list && l.IsActive).OrderBy(l => l.SortOrder).Select(l => l.Value).ToListAsync();
        errors[field] = [$"Choose {what}: {string.Join(", ", values)}."];
    }
}
