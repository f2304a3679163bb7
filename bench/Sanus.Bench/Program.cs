using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Imports;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;

// Timing budgets live here, not in tests (a timed unit test is noise on a shared machine).
// Usage: dotnet run --project bench/Sanus.Bench -c Release -- import-100k | list-latency
if (args.FirstOrDefault() == "list-latency")
{
    return await Sanus.Bench.ListLatency.RunAsync();
}

if (args.FirstOrDefault() != "import-100k")
{
    Console.WriteLine("Commands: import-100k   import 100,000 contacts from CSV into a fresh SQLite database, twice, and print the times.");
    Console.WriteLine("          list-latency  20,000 companies, 50,000 contacts, 30,000 deals: p50/p95/p99 of list, search and board queries.");
    return 1;
}

const int Rows = 100_000;
const int Companies = 1_000;
var folder = Path.Combine(Path.GetTempPath(), "sanus-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var clock = TimeProvider.System;
var connection = Database.SqliteConnectionString(folder);
var userId = Guid.NewGuid().ToString();

SanusDb NewDb()
{
    var options = new DbContextOptionsBuilder<SanusDb>();
    Database.Configure(options, postgres: null, connection);
    options.AddInterceptors(new AuditInterceptor(clock));
    var user = new CurrentUser(new HttpContextAccessor());
    user.UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, "bench@sanus.example")], "bench")));
    return new SanusDb(options.Options, user);
}

try
{
    await using (var db = NewDb())
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.CloseConnectionAsync();
        await db.Database.MigrateAsync();
        db.Add(new Sanus.Web.Platform.Lookups.Lookup { List = Sanus.Web.Platform.Lookups.LookupLists.CompanyKind, Value = "end-customer", Label = "End customer" });
        for (var i = 0; i < Companies; i++)
        {
            var company = new Company { Name = $"Hospital {i}", Country = "ES", Website = $"https://hospital{i}.example", WebsiteDomain = $"hospital{i}.example" };
            company.RefreshDerived();
            db.Add(company);
        }

        await db.SaveChangesAsync();
    }

    // First file: 100,000 new contacts into an empty contact table.
    await ImportAsync("first", Csv(offset: 0), existing: 0);

    // Second file: 100,000 rows against the 100,000 now stored; one in ten repeats a stored email (a duplicate, skipped).
    await ImportAsync("second", Csv(offset: Rows - (Rows / 10)), existing: Rows);
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

async Task ImportAsync(string label, byte[] file, int existing)
{
    var progress = new ImportProgress();
    Guid id;
    await using (var db = NewDb())
    {
        id = (await Importing.UploadAsync(db, clock, progress, userId, ImportKinds.Contacts, "contacts.csv", file)).Id;
    }

    var dryRun = Stopwatch.StartNew();
    await using (var db = NewDb())
    {
        await Importing.DryRunAsync(db, clock, progress, userId, id, CancellationToken.None);
    }

    dryRun.Stop();
    await using (var db = NewDb())
    {
        await Importing.QueueRunAsync(db, clock, progress, _ => { }, userId, id, new RunChoices(DuplicateActions.Skip, null));
    }

    var run = Stopwatch.StartNew();
    await using (var db = NewDb())
    {
        await Importing.RunAsync(db, clock, progress, id, CancellationToken.None);
    }

    run.Stop();
    await using (var db = NewDb())
    {
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == id);
        var audit = await db.AuditEntries.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {job.TotalRows:N0} rows with {existing:N0} existing contacts: dry run {dryRun.Elapsed.TotalSeconds:F1} s, run {run.Elapsed.TotalSeconds:F1} s " +
            $"({job.Status}: {job.Created:N0} created, {job.Skipped:N0} skipped as duplicates, {job.ErrorRows} errors; {audit:N0} audit entries in the database)"));
    }
}

static byte[] Csv(int offset)
{
    var text = new StringBuilder("First name,Last name,E-mail,Job title,Phone,Company\n");
    for (var i = offset; i < offset + Rows; i++)
    {
        text.Append(CultureInfo.InvariantCulture, $"Ana{i},López{i},ana.lopez.{i}@hospital.example,Head of Orthopaedics,+34 6{i % 100_000_000:D8},Hospital {i % Companies}\n");
    }

    return Encoding.UTF8.GetBytes(text.ToString());
}
