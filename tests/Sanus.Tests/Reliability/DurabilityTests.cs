using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sanus.Bench;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Reliability;

/// <summary>
/// Issue 7 (durability): a backup taken while the app runs restores to every record and a verifying audit chain, and
/// an app killed with SIGKILL in the middle of acknowledged writes comes back sound with none of them missing.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sanus-durability", Guid.NewGuid().ToString("N"));

    public DurabilityTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_every_record_and_a_verifying_audit_chain()
    {
        var source = Path.Combine(_folder, "source");
        var postgres = SanusApp.IsPostgres ? SanusApp.CreatePostgresDatabase() : null;
        var backup = Path.Combine(_folder, "backup", SanusApp.IsPostgres ? "sanus.dump" : "sanus-backup.db");
        List<string> before;
        string after;
        await using (var app = await AppProcess.StartAsync(source, postgres))
        {
            using var client = await app.AdminClientAsync();
            before = await CreateCompaniesAsync(client, 25);
            if (postgres is null)
            {
                var (exitCode, output) = await AppProcess.RunAsync(source, null, "backup", backup);
                Assert.True(exitCode == 0, output);
            }
            else
            {
                await PgDumpAsync(postgres, backup);
            }

            after = (await CreateCompaniesAsync(client, 1)).Single();
        }

        var restoredFolder = Path.Combine(_folder, "restored");
        string? restoredPostgres = null;
        if (postgres is null)
        {
            var (exitCode, output) = await AppProcess.RunAsync(restoredFolder, null, "restore", backup);
            Assert.True(exitCode == 0, output);
        }
        else
        {
            restoredPostgres = await PgRestoreAsync(backup);
        }

        await using var restored = await AppProcess.StartAsync(restoredFolder, restoredPostgres);
        using var check = await restored.AdminClientAsync();
        foreach (var id in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await check.GetAsync($"/api/v1/companies/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await check.GetAsync($"/api/v1/companies/{after}")).StatusCode);
        await AssertAuditChainIntactAsync(check);
    }

    [Fact]
    public async Task The_backup_command_refuses_PostgreSQL_and_names_pg_dump()
    {
        var (exitCode, output) = await AppProcess.RunAsync(Path.Combine(_folder, "pg"), "Host=127.0.0.1;Port=1;Database=none", "backup", Path.Combine(_folder, "x.db"));
        Assert.Equal(2, exitCode);
        Assert.Contains("pg_dump", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_killed_in_the_middle_of_acknowledged_writes_restarts_sound_with_none_missing()
    {
        var data = Path.Combine(_folder, "crash");
        var postgres = SanusApp.IsPostgres ? SanusApp.CreatePostgresDatabase() : null;
        var acknowledged = new ConcurrentBag<string>();
        await using (var app = await AppProcess.StartAsync(data, postgres))
        {
            using var client = await app.AdminClientAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Json()).GetProperty("id").GetString()!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The process is gone: whatever was not acknowledged may or may not be stored.
                    }
                }
            })).ToList();

            var writing = Stopwatch.StartNew();
            while (acknowledged.Count < 150 && writing.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 150, $"only {acknowledged.Count} writes were acknowledged before the kill");
        if (postgres is null)
        {
            Assert.Equal("ok", await SqliteIntegrityAsync(Path.Combine(data, "sanus.db")));
        }

        await using var restarted = await AppProcess.StartAsync(data, postgres);
        using var check = await restarted.AdminClientAsync();
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            if ((await check.GetAsync($"/api/v1/companies/{id}")).StatusCode != HttpStatusCode.OK)
            {
                missing.Add(id);
            }
        }

        Assert.Empty(missing);
        await AssertAuditChainIntactAsync(check);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<List<string>> CreateCompaniesAsync(HttpClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Json()).GetProperty("id").GetString()!);
        }

        return ids;
    }

    private static async Task AssertAuditChainIntactAsync(HttpClient client)
    {
        var verification = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        Assert.True(verification.GetProperty("entriesChecked").GetInt64() > 0);
    }

    private static async Task<string> SqliteIntegrityAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task PgDumpAsync(string connectionString, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        await RunToolAsync("pg_dump", $"-h {c.Host} -p {c.Port} -U {c.Username} -Fc -f \"{file}\" {c.Database}");
    }

    private static async Task<string> PgRestoreAsync(string file)
    {
        var target = SanusApp.CreatePostgresDatabase();
        var c = new NpgsqlConnectionStringBuilder(target);
        await RunToolAsync("pg_restore", $"-h {c.Host} -p {c.Port} -U {c.Username} -d {c.Database} --no-owner \"{file}\"");
        return target;
    }

    // Debian puts the versioned binaries here; /usr/bin has wrappers that pick a cluster.
    private static async Task RunToolAsync(string tool, string arguments)
    {
        var path = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).Order().LastOrDefault() ?? tool;
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
