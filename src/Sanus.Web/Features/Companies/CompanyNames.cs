using System.Text;

namespace Sanus.Web.Features.Companies;

/// <summary>How names and websites are normalised so the same company typed twice is recognised (CO-2).</summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalSuffixes =
    [
        "SA", "SL", "SLU", "SAU", "GMBH", "AG", "KG", "LTD", "LIMITED", "PLC", "INC", "LLC", "CORP", "CORPORATION",
        "SPA", "SRL", "SAS", "SARL", "BV", "NV", "AB", "AS", "OY", "CO", "COMPANY", "GROUP",
    ];

    public static string NormalizeName(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '&' or ',')
            {
                letters.Append(' ');
            }
        }

        var words = letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>The normalised website and its domain, or null when it is not a web address.</summary>
    public static (string Website, string Domain)? NormalizeWebsite(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return ("https://" + host + path.ToLowerInvariant(), host);
    }
}
