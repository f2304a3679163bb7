using System.Globalization;

namespace Sanus.Web.Features.Contracts;

/// <summary>How contract pages and documents print amounts and dates.</summary>
public static class ContractFormat
{
    public static string Money(string currency, decimal amount) => $"{currency} {amount.ToString("#,##0.00", CultureInfo.InvariantCulture)}";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
