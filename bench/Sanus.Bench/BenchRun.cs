using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Bench;

/// <summary>
/// One run of issue 7's harness: the real app as its own process on loopback on a fresh database, the tier's data
/// generated into it, then every figure measured through HTTP with its raw-SQL baseline, the import and the mixed load.
/// </summary>
public static class BenchRun
{
    /// <param name="postgresDatabase">A connection string to an empty PostgreSQL database, or null for SQLite.</param>
    public static async Task<Report> RunAsync(Tier tier, string? postgresDatabase, bool import = true, bool load = true, Action<string>? log = null)
    {
        log ??= Console.WriteLine;
        var folder = Path.Combine(Path.GetTempPath(), "sanus-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var sqlite = postgresDatabase is null ? Database.SqliteConnectionString(folder) : null;
        try
        {
            await using var app = await AppProcess.StartAsync(folder, postgresDatabase);
            using var api = await app.AdminClientAsync(TimeSpan.FromMinutes(5));
            var raw = new RawSql(postgresDatabase ?? sqlite!, postgresDatabase is not null);
            var scenarios = new Scenarios(api, raw, tier);

            log($"Generating the {tier.Name} tier on {(postgresDatabase is null ? "SQLite" : "PostgreSQL")}…");
            var generate = await new Generator(tier, () => NewDb(postgresDatabase, sqlite), await AdminIdAsync(postgresDatabase, sqlite)).RunAsync();
            log($"Generated in {generate.TotalSeconds:F1} s. Measuring reads…");
            var figures = await scenarios.ReadsAsync();
            log("Measuring writes…");
            figures.AddRange(await scenarios.WritesAsync());
            ImportFigure? imported = null;
            if (import)
            {
                log($"Importing {tier.ImportRows:N0} contacts…");
                imported = await ImportRun.RunAsync(api, tier);
            }

            LoadFigure? loaded = null;
            if (load)
            {
                log($"Mixed load: {tier.MixedUsers} users for {tier.MixedSeconds} s…");
                loaded = await MixedLoad.RunAsync(scenarios, tier);
                if (loaded.Errors > 0)
                {
                    // The answers say only "500 and a trace id": the app's own log says why.
                    log("The app's errors under load:\n" + string.Join('\n', app.Output.Split('\n')
                        .Where(line => line.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(20)));
                }
            }

            return new Report(tier.Name, postgresDatabase is null ? "SQLite" : "PostgreSQL", TimeProvider.System.GetUtcNow().UtcDateTime, $"{Environment.ProcessorCount} cores",
                tier.Companies, tier.Contacts, tier.Deals, tier.Activities, generate.TotalSeconds, figures, imported, loaded,
                BudgetsApply: tier == Tier.Default && postgresDatabase is null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string server)
    {
        var name = "sanus_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static SanusDb NewDb(string? postgres, string? sqlite)
    {
        var options = new DbContextOptionsBuilder<SanusDb>();
        Database.Configure(options, postgres, sqlite);
        var user = new CurrentUser(new HttpContextAccessor());
        user.UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench")], "bench")));
        return new SanusDb(options.Options, user);
    }

    private static async Task<string> AdminIdAsync(string? postgres, string? sqlite)
    {
        await using var db = NewDb(postgres, sqlite);
        return await db.Users.Where(u => u.Email == Sanus.Web.DemoData.FirstRun.AdminEmail).Select(u => u.Id).SingleAsync();
    }
}
