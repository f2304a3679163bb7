using System.Text;

namespace Sanus.Web.Platform.Files;

/// <summary>Writes RFC 4180 CSV with a UTF-8 byte order mark (so spreadsheets read accents right), every cell formula-safe.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(',');
            }

            first = false;
            var safe = SpreadsheetSafe.Cell(cell) ?? "";
            if (safe.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                _text.Append('"').Append(safe.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(safe);
            }
        }

        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
