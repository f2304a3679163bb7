using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Records;

/// <summary>
/// Optimistic concurrency for editable records (REC-2): the version is the ETag, If-Match names the version
/// the caller edited, and a stale write is refused with the current values instead of overwriting them.
/// </summary>
public static class Versioning
{
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version named by an If-Match header, or null when the header is absent.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ProblemException.Invalid("If-Match", "Send the ETag you received with the record, e.g. \"3\".");
    }

    /// <summary>Refuses the edit when the caller's version is not the stored one.</summary>
    public static void Check(Entity record, int? expectedVersion, Func<object> current)
    {
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw ProblemException.Stale(expected, record.Version, current());
        }
    }

    /// <summary>Saves, turning a lost race (someone saved in between) into the same refusal as a stale version.</summary>
    public static async Task SaveAsync<T>(DbContext db, T record, int? expectedVersion, Func<T, object> describe)
        where T : Entity
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(record);
            await entry.ReloadAsync();
            throw ProblemException.Stale(expectedVersion ?? record.Version, record.Version, describe(record));
        }
    }
}
