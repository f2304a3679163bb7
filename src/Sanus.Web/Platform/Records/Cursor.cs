using System.Text;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Records;

/// <summary>
/// Keyset paging cursors (docs/api.md): the sort value and id of the last row of a page, opaque to clients.
/// The next page starts strictly after that pair, so it stays correct while rows are added.
/// </summary>
public static class Cursor
{
    public static string Encode(string sortValue, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(sortValue + "\u001f" + id.ToString("N"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string SortValue, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\u001f');
            if (parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out var id))
            {
                return (parts[0], id);
            }
        }
        catch (FormatException)
        {
        }

        throw ProblemException.Invalid("cursor", "Pass the nextCursor value of the previous page unchanged.");
    }
}
