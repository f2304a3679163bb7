using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Merges;

/// <summary>The parts of a merge that are the same for every kind of record: choosing values per field, snapshots, archiving.</summary>
public static class Merging
{
    public const string Survivor = "survivor";
    public const string Other = "other";

    /// <summary>The undo record of a merge, with both records' values as they are before it.</summary>
    public static MergeRecord NewRecord(SanusDb db, string kind, Entity survivor, Entity other, IReadOnlyList<string> stored, DateTime now) => new()
    {
        Kind = kind,
        SurvivorId = survivor.Id,
        MergedId = other.Id,
        At = now,
        ByUserId = db.CurrentUser.Id,
        SurvivorBefore = JsonSerializer.Serialize(Snapshot(db, survivor, stored)),
        MergedBefore = JsonSerializer.Serialize(Snapshot(db, other, stored)),
    };

    public static Dictionary<string, string?> Snapshot(SanusDb db, Entity record, IReadOnlyList<string> fields) =>
        fields.ToDictionary(f => f, f => AsText(db.Entry(record).Property(f).CurrentValue));

    /// <summary>Copies the fields the caller chose from the other record; every name must be a mergeable field.</summary>
    public static void TakeChosenValues(SanusDb db, Entity survivor, Entity other, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? choices)
    {
        var unknown = (choices ?? new Dictionary<string, string>()).Where(c => !fields.Contains(c.Key, StringComparer.OrdinalIgnoreCase) || c.Value is not (Survivor or Other)).Select(c => c.Key).ToList();
        if (unknown.Count > 0)
        {
            throw ProblemException.Invalid("take", $"Choose \"{Survivor}\" or \"{Other}\" for fields among: {string.Join(", ", fields)}. Not understood: {string.Join(", ", unknown)}.");
        }

        foreach (var (field, source) in choices ?? new Dictionary<string, string>())
        {
            if (source == Other)
            {
                var name = fields.First(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
                db.Entry(survivor).Property(name).CurrentValue = db.Entry(other).Property(name).CurrentValue;
            }
        }
    }

    public static void Restore(SanusDb db, Entity record, string snapshotJson)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(snapshotJson) ?? [];
        foreach (var (field, text) in values)
        {
            var property = db.Entry(record).Property(field);
            property.CurrentValue = FromText(text, property.Metadata.ClrType);
        }
    }

    public static void Guard(Guid survivorId, Guid otherId)
    {
        if (survivorId == otherId)
        {
            throw ProblemException.Invalid("otherId", "Choose a different record to merge into this one.");
        }
    }

    public static async Task<MergeRecord> FindUndoableAsync(SanusDb db, Guid mergeId) =>
        await db.Set<MergeRecord>().SingleOrDefaultAsync(m => m.Id == mergeId) is { } merge
            ? merge.UndoneAt is null ? merge : throw ProblemException.Refused("This merge was already undone", ["The merge was undone before."])
            : throw ProblemException.NotFound("merge");

    private static string? AsText(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        _ => Platform.Audit.AuditInterceptor.Format(value),
    };

    private static object? FromText(string? text, Type type)
    {
        if (text is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? text
            : target == typeof(bool) ? text == "true"
            : target == typeof(Guid) ? Guid.Parse(text)
            : Convert.ChangeType(text, target, System.Globalization.CultureInfo.InvariantCulture);
    }
}
