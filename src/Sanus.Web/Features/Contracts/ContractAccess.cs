using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Contracts;

/// <summary>
/// The capability behind a signature or a decision, checked in the use case itself: the endpoint checks it too,
/// but a page calls the use case directly, and a signature by the wrong role must be refused there as well.
/// </summary>
public static class ContractAccess
{
    public static async Task RequireAsync(SanusDb db, string capability, string why)
    {
        var userId = db.CurrentUser.Id;
        if (userId is null || !(await CapabilityHandler.GrantedAsync(db, userId)).Contains(capability))
        {
            throw ProblemException.Forbidden($"{why} needs the capability '{capability}'.");
        }
    }

    public static string Money(string currency, long minor) =>
        $"{currency} {(minor / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Whole minor units of a decimal amount, or null when it has more than two decimals.</summary>
    public static long? ToMinor(decimal amount) =>
        decimal.Round(amount, 2) == amount ? (long)(amount * 100m) : null;
}
