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

        Require(await ActiveValuesAsync(db, list), value, field, what, errors);
    }

    /// <summary>The active values of a list, in their order: loaded once, for <see cref="Require"/> over many records (imports).</summary>
    public static async Task<List<string>> ActiveValuesAsync(SanusDb db, string list) =>
        await db.Set<Lookup>().Where(l => l.List == list && l.IsActive).OrderBy(l => l.SortOrder).Select(l => l.Value).ToListAsync();

    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="value"/> is one of <paramref name="activeValues"/>.</summary>
    public static void Require(IReadOnlyList<string> activeValues, string? value, string field, string what, Dictionary<string, string[]> errors)
    {
        if (value is null || !activeValues.Contains(value))
        {
            errors[field] = [$"Choose {what}: {string.Join(", ", activeValues)}."];
        }
    }
}
