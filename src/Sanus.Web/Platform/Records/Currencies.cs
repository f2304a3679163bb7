using System.Collections.Frozen;
using System.Globalization;

namespace Sanus.Web.Platform.Records;

/// <summary>ISO 4217 currency codes in use by some country (the same set the deal rules accept).</summary>
public static class Currencies
{
    private static readonly FrozenSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>().ToFrozenSet();

    /// <summary>The code in capitals, or an error message that says what to type instead.</summary>
    public static (string? Code, string? Error) Normalise(string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        return !string.IsNullOrEmpty(code) && Codes.Contains(code)
            ? (code, null)
            : (null, "Use a three-letter ISO 4217 currency code, e.g. EUR, GBP, CNY.");
    }
}
