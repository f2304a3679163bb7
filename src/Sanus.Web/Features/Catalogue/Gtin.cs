namespace Sanus.Web.Features.Catalogue;

/// <summary>
/// GS1 Global Trade Item Numbers: GTIN-8, -12 (UPC), -13 (EAN) and -14, kept as GTIN-14 (left-padded with zeros, which
/// leaves the check digit unchanged) so that one product has one spelling. The UDI-DI of a device is a GTIN too.
/// </summary>
public static class Gtin
{
    /// <summary>
    /// Reads a GTIN as people type it (spaces and hyphens between digit groups are ignored) and verifies its GS1 mod-10
    /// check digit. On failure <paramref name="gtin14"/> is empty and <paramref name="error"/> says what to fix.
    /// </summary>
    public static bool TryNormalise(string? input, out string gtin14, out string? error)
    {
        gtin14 = "";
        var digits = (input ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            error = "Enter the GTIN: 8, 12, 13 or 14 digits.";
            return false;
        }

        if (!digits.All(char.IsAsciiDigit) || digits.Length is not (8 or 12 or 13 or 14))
        {
            error = $"\"{input!.Trim()}\" is not a GTIN: use 8, 12, 13 or 14 digits, e.g. 04012345000019.";
            return false;
        }

        var padded = digits.PadLeft(14, '0');
        var expected = CheckDigit(padded.AsSpan(0, 13));
        if (padded[13] - '0' != expected)
        {
            error = $"The check digit of \"{digits}\" is wrong: with these digits it would be {expected}. Copy the GTIN again from the label or the GS1 record.";
            return false;
        }

        gtin14 = padded;
        error = null;
        return true;
    }

    /// <summary>The GS1 mod-10 check digit of the digits before it: weights 3 and 1 alternate from the rightmost digit.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digitsBeforeCheck)
    {
        var sum = 0;
        for (var i = 0; i < digitsBeforeCheck.Length; i++)
        {
            var digit = digitsBeforeCheck[digitsBeforeCheck.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
