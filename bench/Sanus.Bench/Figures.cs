using System.Diagnostics;

namespace Sanus.Bench;

/// <summary>A budget of issue 7: p50 and p95 in milliseconds; for reads also app ≤ 3 × raw SQL at p50.</summary>
public sealed record Budget(double P50, double P95, bool Read);

/// <summary>One measured operation: the app through HTTP and the same work in raw SQL, in the same run.</summary>
public sealed record Figure(string Key, string Name, double P50, double P95, double P99, double? RawP50, double? RawP95, Budget? Budget)
{
    public const double MaxReadRatio = 3;

    public double? Ratio => RawP50 is > 0 ? P50 / RawP50 : null;

    public bool? Pass => Budget is null ? null : P50 <= Budget.P50 && P95 <= Budget.P95 && (!Budget.Read || Ratio is null or <= MaxReadRatio);

    /// <summary>
    /// Runs <paramref name="app"/> and <paramref name="raw"/> alternately, so both see the same machine, after a warm-up.
    /// Each call gets its own index, so writes can pick a record no earlier call touched.
    /// </summary>
    public static async Task<Figure> MeasureAsync(string key, string name, int runs, Func<int, Task> app, Func<int, Task>? raw, Budget? budget)
    {
        var warmUp = Math.Min(10, Math.Max(1, runs / 4));
        for (var i = 0; i < warmUp; i++)
        {
            await app(i);
            if (raw is not null)
            {
                await raw(i);
            }
        }

        var appTimes = new List<double>(runs);
        var rawTimes = new List<double>(runs);
        for (var i = warmUp; i < warmUp + runs; i++)
        {
            appTimes.Add(await TimeAsync(app, i));
            if (raw is not null)
            {
                rawTimes.Add(await TimeAsync(raw, i));
            }
        }

        return new Figure(key, name, Percentile(appTimes, 0.50), Percentile(appTimes, 0.95), Percentile(appTimes, 0.99),
            raw is null ? null : Percentile(rawTimes, 0.50), raw is null ? null : Percentile(rawTimes, 0.95), budget);
    }

    public static double Percentile(List<double> times, double q)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<double> TimeAsync(Func<int, Task> call, int index)
    {
        var watch = Stopwatch.StartNew();
        await call(index);
        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>Importing a file of contacts through the API: upload, dry run, run to the end.</summary>
public sealed record ImportFigure(int Rows, int Duplicates, double UploadSeconds, double DryRunSeconds, double RunSeconds, double BudgetSeconds)
{
    public double TotalSeconds => UploadSeconds + DryRunSeconds + RunSeconds;

    public bool Pass => TotalSeconds <= BudgetSeconds;
}

/// <summary>Many simulated users browsing, searching and updating at once.</summary>
public sealed record LoadFigure(int Users, double Seconds, long Requests, long Errors, double P50, double P95, double BudgetRequestsPerSecond)
{
    public double RequestsPerSecond => Requests / Seconds;

    public bool Pass => Errors == 0 && RequestsPerSecond >= BudgetRequestsPerSecond;
}
