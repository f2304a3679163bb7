using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Exports;

/// <summary>
/// Writes a list view as CSV or XLSX (IO-2): every cell formula-safe, and an audit entry naming what was exported, with which
/// filter, and how many rows. The rows come from the list's own query, so the partner scope (ACC-3) applies.
/// </summary>
public static class Exporting
{
    public sealed record Table(string Entity, string Title, IReadOnlyList<string> Headers, IAsyncEnumerable<string?[]> Rows, string Filter);

    public static string Format(string? format) => (format ?? "csv").Trim().ToLowerInvariant() switch
    {
        "csv" => "csv",
        "xlsx" => "xlsx",
        _ => throw ProblemException.Invalid("format", "Choose csv or xlsx."),
    };

    /// <summary>The export as a download: CSV is streamed row by row; XLSX, a zip that must be finished before it is sent, is built in memory first.</summary>
    public static IResult Download(SanusDb db, Table table, string format, TimeProvider clock)
    {
        var name = $"{table.Title}-{clock.GetUtcNow():yyyyMMdd-HHmm}.{format}";
        return format == "csv"
            ? TypedResults.Stream(stream => WriteCsvAsync(db, table, stream), "text/csv; charset=utf-8", name)
            : TypedResults.Stream(stream => WriteXlsxAsync(db, table, stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static async Task WriteCsvAsync(SanusDb db, Table table, Stream stream)
    {
        var count = 0;
        var finished = false;
        try
        {
            // A byte order mark so that spreadsheets read accents right.
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
            await writer.WriteAsync(CsvLine(table.Headers));
            await foreach (var row in table.Rows)
            {
                await writer.WriteAsync(CsvLine(row));
                count++;
            }

            await writer.FlushAsync();
            finished = true;
        }
        finally
        {
            // Audited even when the download breaks off: the rows sent so far have left the system.
            await AuditAsync(db, table, "CSV", count, finished);
        }
    }

    private static async Task WriteXlsxAsync(SanusDb db, Table table, Stream stream)
    {
        using var sheet = new DataTable(table.Title) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in table.Headers)
        {
            sheet.Columns.Add(header, typeof(string));
        }

        await foreach (var row in table.Rows)
        {
            sheet.Rows.Add(row.Select(c => (object?)SpreadsheetSafe.Cell(c) ?? DBNull.Value).ToArray());
        }

        using var content = new MemoryStream();
        await MiniExcel.SaveAsAsync(content, sheet, sheetName: table.Title, excelType: ExcelType.XLSX);
        content.Position = 0;
        await content.CopyToAsync(stream);
        await AuditAsync(db, table, "XLSX", sheet.Rows.Count, finished: true);
    }

    private static string CsvLine(IEnumerable<string?> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            var safe = SpreadsheetSafe.Cell(cell) ?? "";
            line.Append(safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe);
        }

        return line.Append("\r\n").ToString();
    }

    private static async Task AuditAsync(SanusDb db, Table table, string format, int count, bool finished)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditActions.Export,
            Entity = table.Entity,
            EntityId = "*",
            Reason = $"{format} export of {count} {table.Title}{(finished ? "" : " (interrupted)")}; filter: {(table.Filter.Length == 0 ? "none" : table.Filter)}",
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The filter as the audit entry states it: the parameters that were set, e.g. "country=ES, q=clinic".</summary>
    public static string Describe(params (string Name, object? Value)[] parameters) =>
        string.Join(", ", parameters.Where(p => p.Value is not null && p.Value is not "").Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));

    public static string? Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
