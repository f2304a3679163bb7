namespace Sanus.Bench;

// Issue 7's harness. Timing budgets live here, never in tests (a timed unit test is noise on a shared machine).
// Usage: dotnet run --project bench/Sanus.Bench -c Release -- [--tier tiny|default|large] [--pg <server connection string>]
//        [--out bench/results] [--no-import] [--no-load] [--users <simulated users in the mixed load>]
// Without --pg it measures SQLite; with it, a fresh database on that PostgreSQL server. ./scripts/bench.sh runs the set.
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var tier = Tier.Default;
        string? server = null;
        var output = Path.Combine("bench", "results");
        bool import = true, load = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tier":
                    tier = Tier.Named(args[++i]);
                    break;
                case "--pg":
                    server = args[++i];
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case "--no-import":
                    import = false;
                    break;
                case "--no-load":
                    load = false;
                    break;
                case "--users":
                    tier = tier with { MixedUsers = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) };
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. See the usage at the top of bench/Sanus.Bench/Program.cs.");
                    return 2;
            }
        }

        var database = server is null ? null : await BenchRun.CreatePostgresDatabaseAsync(server);
        var report = await BenchRun.RunAsync(tier, database, import, load);
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine($"Saved {await report.SaveAsync(output)}.md and .json");
        return 0;
    }
}
