using System.Collections.Frozen;

namespace Sanus.Web.Platform.Records;

/// <summary>ISO 3166-1 alpha-2 country codes, with the mistakes people commonly make and what to use instead.</summary>
public static class Countries
{
    private static readonly FrozenSet<string> Codes = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW")
        .Split(' ').ToFrozenSet();

    private static readonly FrozenDictionary<string, string> CommonMistakes = new Dictionary<string, string>
    {
        ["UK"] = "GB",
        ["EN"] = "GB",
        ["EL"] = "GR",
        ["SP"] = "ES",
    }.ToFrozenDictionary();

    public static int Count => Codes.Count;

    /// <summary>The normalised code, or an error message that says what to type instead.</summary>
    public static (string? Code, string? Error) Normalise(string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return (null, "Enter the country as a two-letter ISO code, e.g. ES, DE or GB.");
        }

        if (CommonMistakes.TryGetValue(code, out var instead))
        {
            return (null, $"\"{code}\" is not an ISO 3166-1 code: use {instead}.");
        }

        return Codes.Contains(code)
            ? (code, null)
            : (null, $"\"{input!.Trim()}\" is not an ISO 3166-1 alpha-2 country code. Use two letters, e.g. ES, DE or GB.");
    }
}
