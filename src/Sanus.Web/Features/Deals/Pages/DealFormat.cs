using System.Globalization;

namespace Sanus.Web.Features.Deals.Pages;

/// <summary>How the deal screens write amounts, dates and stage ids, the same on every page.</summary>
public static class DealFormat
{
    /// <summary>"48,000.50 EUR": the currency always shown, since a column may hold several.</summary>
    public static string Money(decimal amount, string currency) =>
        (decimal.Truncate(amount) == amount ? amount.ToString("N0", CultureInfo.InvariantCulture) : amount.ToString("N2", CultureInfo.InvariantCulture)) + " " + currency;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no close date";

    /// <summary>An id-safe form of a stage name, e.g. "Implementation Defined" → "implementation-defined".</summary>
    public static string Slug(string stage) => stage.ToLowerInvariant().Replace(' ', '-');

    /// <summary>"3 d 4 h": long enough to read at a glance, exact enough for a stage.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{Math.Max(0, (int)span.TotalMinutes)} min";

    public static string Label(IEnumerable<Platform.Lookups.Lookup> lookups, string? value) =>
        value is null ? "" : lookups.FirstOrDefault(l => l.Value == value)?.Label ?? value;
}
