using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Lookups;

namespace Sanus.Bench;

/// <summary>
/// Latency of the list, search and board use cases at the default data size, in process (a fresh context per
/// call, as a request has). The HTTP harness with raw-SQL baselines is issue 7's; this is the early warning.
/// </summary>
public static class ListLatency
{
    private const int CompanyCount = 20_000;
    private const int ContactCount = 50_000;
    private const int DealCount = 30_000;
    private const int ActivityCount = 500_000;
    private const int Runs = 200;

    public static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sanus-latency-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var connection = Database.SqliteConnectionString(folder);
        try
        {
            var generate = Stopwatch.StartNew();
            await GenerateAsync(connection);
            Console.WriteLine($"Generated {CompanyCount:N0} companies, {ContactCount:N0} contacts, {DealCount:N0} deals, {ActivityCount:N0} activities in {generate.Elapsed.TotalSeconds:F1} s.");
            Console.WriteLine();
            Console.WriteLine("| query | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            await MeasureAsync(connection, "companies: first page by name", db => CompanyList.FindAsync(db, new CompanyList.Filter(), 50, null));
            await MeasureAsync(connection, "companies: filter country=DE, kind", db => CompanyList.FindAsync(db, new CompanyList.Filter(Country: "DE", Kind: "end-customer"), 50, null));
            await MeasureAsync(connection, "companies: page 40 (keyset)", async db =>
            {
                string? cursor = await DeepCursorAsync(db);
                return await CompanyList.FindAsync(db, new CompanyList.Filter(), 50, cursor);
            }, setup: true);
            await MeasureAsync(connection, "companies: search hospital 1234", db => CompanyList.FindAsync(db, new CompanyList.Filter(Q: "hospital 1234"), 50, null));
            await MeasureAsync(connection, "contacts: first page by name", db => ContactList.FindAsync(db, new ContactList.Filter(), 50, null));
            await MeasureAsync(connection, "contacts: search by name words", db => ContactList.FindAsync(db, new ContactList.Filter(Q: "garcia ana"), 50, null));
            await MeasureAsync(connection, "contacts: search by email prefix", db => ContactList.FindAsync(db, new ContactList.Filter(Q: "person4321"), 50, null));
            await MeasureAsync(connection, "deals: board (9 columns, 20 cards)", db => DealList.BoardAsync(db, new DealList.Filter(), 20));
            await MeasureAsync(connection, "deals: list by amount", db => DealList.ListAsync(db, new DealList.Filter(Sort: "-amount"), 50, null));
            await MeasureAsync(connection, "deals: list filtered country+class", db => DealList.ListAsync(db, new DealList.Filter(Country: "ES", DealClass: "insurer"), 50, null));
            await MeasureAsync(connection, "timeline: company with 25 activities (first page)", db => TimelineFeed.PageAsync(db, TimeProvider.System, _busyCompany, null, null, 25, null));
            await MeasureAsync(connection, "timeline: deal (first page)", db => TimelineFeed.PageAsync(db, TimeProvider.System, null, null, _busyDeal, 25, null));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? _deepCursor;
    private static Guid _busyCompany;
    private static Guid _busyDeal;

    private static async Task<string?> DeepCursorAsync(SanusDb db)
    {
        if (_deepCursor is not null)
        {
            return _deepCursor;
        }

        string? cursor = null;
        for (var i = 0; i < 39; i++)
        {
            cursor = (await CompanyList.FindAsync(db, new CompanyList.Filter(), 50, cursor)).NextCursor;
        }

        return _deepCursor = cursor;
    }

    private static SanusDb NewDb(string connection, bool audited)
    {
        var options = new DbContextOptionsBuilder<SanusDb>();
        Database.Configure(options, postgres: null, connection);
        if (audited)
        {
            options.AddInterceptors(new AuditInterceptor(TimeProvider.System));
        }

        var user = new CurrentUser(new HttpContextAccessor());
        user.UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench")], "bench")));
        return new SanusDb(options.Options, user);
    }

    private static async Task MeasureAsync<T>(string connection, string name, Func<SanusDb, Task<T>> query, bool setup = false)
    {
        if (setup)
        {
            await using var warm = NewDb(connection, audited: false);
            await query(warm);
        }

        for (var i = 0; i < 10; i++)
        {
            await using var db = NewDb(connection, audited: false);
            await query(db);
        }

        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var db = NewDb(connection, audited: false))
            {
                await query(db);
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} |"));
    }

    // The generator writes through EF without the audit interceptor: bench data is seeded, not typed by people.
    private static async Task GenerateAsync(string connection)
    {
        var random = new Random(42);
        string[] countries = ["ES", "DE", "IT", "FR", "GB", "CN"];
        string[] first = ["Ana", "Javier", "Lucia", "Miguel", "Katrin", "Jonas", "Giulia", "Marco", "Camille", "Julien", "Emma", "James", "Wei", "Li"];
        string[] last = ["Garcia", "Lopez", "Muller", "Schmidt", "Rossi", "Bianchi", "Martin", "Dubois", "Smith", "Jones", "Wang", "Zhang"];
        await using (var db = NewDb(connection, audited: false))
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
            await db.Database.MigrateAsync();
            db.AddRange(new Lookup { List = LookupLists.CompanyKind, Value = "end-customer", Label = "End customer" });
            db.AddRange(DealStages.DefaultProbabilities.Select(p => new StageProbability { Stage = p.Key, Percent = p.Value }));
            await db.SaveChangesAsync();
        }

        var companyIds = new List<Guid>();
        for (var batch = 0; batch < CompanyCount; batch += 5000)
        {
            await using var db = NewDb(connection, audited: false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5000; i++)
            {
                var company = new Company
                {
                    Name = $"Hospital {i}",
                    Country = countries[i % countries.Length],
                    Website = $"https://hospital{i}.example",
                    WebsiteDomain = $"hospital{i}.example",
                    Kind = "end-customer",
                    LeadStatus = LeadStatuses.New,
                    CreatedAt = DateTime.UnixEpoch,
                    UpdatedAt = DateTime.UnixEpoch,
                    Version = 1,
                };
                company.RefreshDerived();
                companyIds.Add(company.Id);
                db.Add(company);
            }

            await db.SaveChangesAsync();
        }

        var contactIds = new List<Guid>();
        for (var batch = 0; batch < ContactCount; batch += 5000)
        {
            await using var db = NewDb(connection, audited: false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5000; i++)
            {
                var contact = new Contact
                {
                    FirstName = first[random.Next(first.Length)],
                    LastName = last[random.Next(last.Length)],
                    Email = $"person{i}@hospital{i % CompanyCount}.example",
                    JobTitle = "Surgeon",
                    Phone = "+3491" + (1000000 + i).ToString(CultureInfo.InvariantCulture),
                    CreatedAt = DateTime.UnixEpoch,
                    UpdatedAt = DateTime.UnixEpoch,
                    Version = 1,
                };
                contact.RefreshDerived();
                contact.Companies.Add(new ContactCompany { ContactId = contact.Id, CompanyId = companyIds[i % CompanyCount] });
                contactIds.Add(contact.Id);
                db.Add(contact);
            }

            await db.SaveChangesAsync();
        }

        string[] classes = ["care-inpatient-public", "insurer", "pharma-clinical-trials", "distributor-resale"];
        for (var batch = 0; batch < DealCount; batch += 5000)
        {
            await using var db = NewDb(connection, audited: false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 5000; i++)
            {
                var companyIndex = i % CompanyCount;
                var stage = DealStages.All[random.Next(DealStages.All.Count)];
                var deal = new Deal
                {
                    CompanyId = companyIds[companyIndex],
                    Country = countries[companyIndex % countries.Length],
                    Description = "Deal " + i,
                    Stage = stage,
                    Name = DealRules.NameOf(countries[companyIndex % countries.Length], $"Hospital {companyIndex}", "Deal " + i, stage == DealStages.Lost),
                    DealClass = classes[i % classes.Length],
                    Origin = "outreach",
                    Amount = random.Next(1000, 500000),
                    Currency = "EUR",
                    StageEnteredAt = DateTime.UnixEpoch,
                    CreatedAt = DateTime.UnixEpoch,
                    UpdatedAt = DateTime.UnixEpoch,
                    Version = 1,
                    ExpectedCloseDate = new DateOnly(2027, 1 + (i % 12), 1),
                };
                deal.Contacts.Add(new DealContact { DealId = deal.Id, ContactId = contactIds[i % ContactCount] });
                db.Add(deal);
            }

            await db.SaveChangesAsync();
        }

        var dealIds = await ReadDealIdsAsync(connection);
        _busyCompany = companyIds[0];
        _busyDeal = dealIds[0];
        for (var batch = 0; batch < ActivityCount; batch += 10_000)
        {
            await using var db = NewDb(connection, audited: false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 10_000; i++)
            {
                var activity = new Sanus.Web.Features.Activities.Activity
                {
                    Type = "call",
                    Direction = i % 5 == 0 ? "inbound" : "outbound",
                    Subject = "Call " + i,
                    At = DateTime.UnixEpoch.AddMinutes(i),
                    CreatedAt = DateTime.UnixEpoch,
                    UpdatedAt = DateTime.UnixEpoch,
                    Version = 1,
                };
                activity.Companies.Add(new Sanus.Web.Features.Activities.ActivityCompany { ActivityId = activity.Id, CompanyId = companyIds[i % CompanyCount] });
                activity.Contacts.Add(new Sanus.Web.Features.Activities.ActivityContact { ActivityId = activity.Id, ContactId = contactIds[i % ContactCount] });
                activity.Deals.Add(new Sanus.Web.Features.Activities.ActivityDeal { ActivityId = activity.Id, DealId = dealIds[i % DealCount] });
                db.Add(activity);
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<List<Guid>> ReadDealIdsAsync(string connection)
    {
        await using var db = NewDb(connection, audited: false);
        return await db.Set<Deal>().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    }
}
