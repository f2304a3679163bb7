using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Imports;

/// <summary>Reads an uploaded CSV or XLSX file as a header row and rows of text cells.</summary>
public static class ImportFileReader
{
    public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

    /// <summary>One row under the header; <see cref="Number"/> is the row number a spreadsheet shows (the header is row 1).</summary>
    public sealed record SheetRow(int Number, string[] Cells)
    {
        public string? Cell(int column) => column < Cells.Length && Cells[column].Trim() is { Length: > 0 } value ? value : null;
    }

    public static bool IsExcel(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static Sheet Read(string fileName, byte[] content)
    {
        List<string[]> records;
        try
        {
            records = IsExcel(fileName) ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (Exception exception) when (exception is CsvHelperException or InvalidDataException or InvalidOperationException or IOException)
        {
            throw ProblemException.Invalid("file", $"The file can't be read as {(IsExcel(fileName) ? "an Excel workbook" : "CSV")}: save it as .xlsx or as CSV (UTF-8) and upload it again.");
        }

        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            throw ProblemException.Invalid("file", "The file is empty: its first row must name the columns.");
        }

        var headers = records[0].Select(h => h.Trim()).ToList();
        var rows = new List<SheetRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            // Blank lines (often left at the end of a sheet) are not rows to import.
            if (records[i].Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new SheetRow(i + 1, records[i]));
            }
        }

        return new Sheet(headers, rows);
    }

    private static List<string[]> ReadCsv(byte[] content)
    {
        using var reader = new StringReader(Decode(content));
        // Spreadsheets in Spain and much of Europe save CSV with semicolons: detect the delimiter.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null };
        using var parser = new CsvParser(reader, configuration);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record ?? []);
        }

        return records;
    }

    /// <summary>UTF-8 (with or without a byte order mark); a file that is not valid UTF-8 was saved by an older Excel as Windows-1252.</summary>
    private static string Decode(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static List<string[]> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var records = new List<string[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            records.Add(row.Values.Select(Text).ToArray());
        }

        return records;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        // Phone numbers typed into Excel become numbers: write them without a decimal point or exponent.
        double n => n.ToString(n == Math.Floor(n) && Math.Abs(n) < 1e15 ? "0" : "R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
