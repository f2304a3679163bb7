namespace Sanus.Web.Platform.Files;

/// <summary>Neutralises spreadsheet formula injection in exported cells (IO-2).</summary>
public static class SpreadsheetSafe
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A value a spreadsheet would run as a formula gets a leading apostrophe, which shows it as text.</summary>
    public static string? Cell(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value;
}
