using System.Globalization;
using System.Text;

namespace Sanus.Web.Platform.Search;

/// <summary>
/// The text a record is found by: lower case, accents removed, punctuation as spaces. Records keep it in a
/// SearchText column that the database indexes (SQLite FTS5, PostgreSQL tsvector), so a saved record is
/// searchable in the same transaction.
/// </summary>
public static class SearchText
{
    public static string Of(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text.Append(Fold(part)).Append(' ');
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>A phone in E.164 as searchable words: all digits, and the last nine (the number as dialled at home).</summary>
    public static string? Phone(string? e164) =>
        e164 is null ? null : e164.TrimStart('+') + (e164.Length > 9 ? " " + e164[^9..] : "");

    /// <summary>The words of a query, folded like the indexed text; empty when nothing searchable is left.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        query is null ? [] : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();

    private static string Fold(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString();
    }
}
