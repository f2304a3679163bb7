using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sanus.Web.Platform.Problems;

/// <summary>
/// Refuses to store text holding a NUL character (U+0000) as a 400 on that field: no field means one, and PostgreSQL
/// can't store it in text, so it would otherwise fail deep inside a save. Checked at the save so pages, API and
/// imports share it, and the API's JSON schema keeps plain strings.
/// </summary>
public sealed class TextWithoutNul : SaveChangesInterceptor
{
    public static readonly TextWithoutNul Instance = new();

    internal static readonly string[] Message = ["The text holds a NUL character (U+0000), which no field accepts: remove it and send again."];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? db)
    {
        var fields = db?.ChangeTracker.Entries()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified)
            .SelectMany(entry => entry.Properties)
            .Where(property => property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name))
            .Distinct()
            .ToDictionary(field => field, _ => Message);
        if (fields is { Count: > 0 })
        {
            throw ProblemException.Invalid(fields);
        }
    }
}
