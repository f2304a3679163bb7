using PhoneNumbers;

namespace Sanus.Web.Features.Contacts;

/// <summary>Normalisation of the contact fields that people type in many ways: email, phone, LinkedIn.</summary>
public static class ContactFields
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    /// <summary>The phone in E.164 form, or an error saying what to type. A number without a country code is read in the company's country.</summary>
    public static (string? Phone, string? Error) NormalizePhone(string? input, string? defaultCountry)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }

        try
        {
            var number = Phones.Parse(input, input.TrimStart().StartsWith('+') ? null : defaultCountry ?? "ZZ");
            return Phones.IsValidNumber(number)
                ? (Phones.Format(number, PhoneNumberFormat.E164), null)
                : (null, "This is not a valid phone number. Type it with its country code, e.g. +34 912 345 678.");
        }
        catch (NumberParseException)
        {
            return (null, "Type the phone with its country code, e.g. +34 912 345 678.");
        }
    }

    /// <summary>A LinkedIn profile or company page, normalised to https://www.linkedin.com/…, or null when it isn't one.</summary>
    public static string? NormalizeLinkedIn(string input)
    {
        var text = input.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath.TrimEnd('/');
        var isLinkedIn = host is "linkedin.com" || host.EndsWith(".linkedin.com", StringComparison.Ordinal);
        var isProfile = path.StartsWith("/in/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/company/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/pub/", StringComparison.OrdinalIgnoreCase);
        return isLinkedIn && isProfile && path.Count(c => c == '/') >= 2 ? "https://www.linkedin.com" + path : null;
    }
}
