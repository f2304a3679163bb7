using System.Globalization;
using Sanus.Web.Platform.Files;

namespace Sanus.Web.Features.Imports;

/// <summary>What a dry run or a run found about one row that is not simply fine: its errors, or the record it may duplicate.</summary>
public sealed record RowReport(int Row, string Status, IReadOnlyList<RowError> Errors, Candidate? Duplicate, string? Action = null);

/// <summary>A field of the row and what is wrong with it, in the words the form would use.</summary>
public sealed record RowError(string Field, string Message);

/// <summary>The existing record a row may duplicate (Id), or an earlier row of the same file (Row).</summary>
public sealed record Candidate(Guid? Id, int? Row, string Name, string MatchedOn);

public static class RowStatuses
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Duplicate = "duplicate";
}

/// <summary>What to do with a row that duplicates a record: skip it, update the record with the row's values, or create a new one anyway.</summary>
public static class DuplicateActions
{
    public const string Skip = "skip";
    public const string Update = "update";
    public const string Create = "create";

    public static readonly IReadOnlyList<string> All = [Skip, Update, Create];
}

/// <summary>The duplicate choices of a run: one for all, and per row (by row number) where the user chose otherwise.</summary>
public sealed record RunChoices(string? DefaultAction, IReadOnlyDictionary<int, string>? Rows)
{
    public string For(int row) => Rows is not null && Rows.TryGetValue(row, out var action) ? action : DefaultAction ?? DuplicateActions.Skip;
}

/// <summary>The report as CSV for a spreadsheet: one line per error, and one per duplicate.</summary>
public static class ErrorReportCsv
{
    public static byte[] Write(IEnumerable<RowReport> rows)
    {
        var csv = new Csv().Row("Row", "Status", "Field", "Message", "Possible duplicate of", "Action");
        foreach (var row in rows)
        {
            var number = row.Row.ToString(CultureInfo.InvariantCulture);
            var duplicate = row.Duplicate is { } d ? $"{d.Name} ({(d.Row is { } r ? $"row {r}" : d.Id.ToString())}, same {d.MatchedOn})" : null;
            if (row.Errors.Count == 0)
            {
                csv.Row(number, row.Status, null, null, duplicate, row.Action);
            }

            foreach (var error in row.Errors)
            {
                csv.Row(number, row.Status, error.Field, error.Message, duplicate, row.Action);
            }
        }

        return csv.ToBytes();
    }
}
