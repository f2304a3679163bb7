using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Bench;

/// <summary>
/// A realistic, seeded data set of a tier: companies in six countries, their contacts, deals over every stage and class
/// (those at Qualified with BANT confirmed, so a stage move can pass its gate), each deal's creation in its stage history,
/// and activities linked to a company, a contact and a deal, spread over two years. Same seed, same data.
/// </summary>
public sealed class Generator(Tier tier, Func<SanusDb> newDb, string? ownerId)
{
    public static readonly string[] Countries = ["ES", "DE", "IT", "FR", "GB", "CN"];
    public static readonly string[] FirstNames = ["Ana", "Javier", "Lucia", "Miguel", "Katrin", "Jonas", "Giulia", "Marco", "Camille", "Julien", "Emma", "James", "Wei", "Li"];
    public static readonly string[] LastNames = ["Garcia", "Lopez", "Muller", "Schmidt", "Rossi", "Bianchi", "Martin", "Dubois", "Smith", "Jones", "Wang", "Zhang"];
    public static readonly string[] Origins = ["outreach", "inbound", "referral", "tender", "event"];
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public static string CompanyName(int i) => $"Hospital {i}";

    public static string Email(int i) => $"person{i}@hospital{i % 997}.example";

    public static string DealClass(int i) => DealLookups.DealClasses[i % DealLookups.DealClasses.Count].Value;

    public static Guid CompanyId(int i) => Id(1, i);

    public static Guid ContactId(int i) => Id(2, i);

    public static Guid DealId(int i) => Id(3, i);

    /// <summary>Deals at Qualified with BANT confirmed: the stage-move scenario moves these to Discovered and back.</summary>
    public static bool IsQualifiedWithBant(int deal) => deal % 10 == 1;

    public async Task<TimeSpan> RunAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await WriteAsync(Range(tier.Companies).Select(NewCompany));
        await WriteAsync(Range(tier.Contacts).Select(NewContact));
        await WriteAsync(Range(tier.Contacts).Select(i => new ContactCompany { ContactId = ContactId(i), CompanyId = CompanyId(i % tier.Companies) }));
        var deals = Range(tier.Deals).Select(NewDeal);
        await WriteAsync(deals);
        await WriteAsync(Range(tier.Deals).Select(i => new DealContact { DealId = DealId(i), ContactId = ContactId(i % tier.Contacts) }));
        await WriteAsync(Range(tier.Deals).Select(NewDeal).Select(d => new DealStageChange { DealId = d.Id, ToStage = d.Stage, At = d.StageEnteredAt }));
        await WriteAsync(Range(tier.Activities).Select(NewActivity));
        await WriteAsync(Range(tier.Activities).Select(i => new ActivityCompany { ActivityId = ActivityId(i), CompanyId = CompanyId(i % tier.Companies) }));
        await WriteAsync(Range(tier.Activities).Select(i => new ActivityContact { ActivityId = ActivityId(i), ContactId = ContactId(i % tier.Contacts) }));
        await WriteAsync(Range(tier.Activities).Select(i => new ActivityDeal { ActivityId = ActivityId(i), DealId = DealId(i % tier.Deals) }));
        await using (var db = newDb())
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "ANALYZE" : "ANALYZE; PRAGMA optimize;");
        }

        return watch.Elapsed;
    }

    private static IEnumerable<int> Range(int count) => Enumerable.Range(0, count);

    /// <summary>Ids made from the kind and the index, so every table can refer to a row without reading it back.</summary>
    private static Guid Id(int kind, int i) => new($"{kind:x8}-0000-7000-8000-{i:x12}");

    private static Guid ActivityId(int i) => Id(4, i);

    private async Task WriteAsync<T>(IEnumerable<T> rows)
        where T : class
    {
        const int Chunk = 200_000;
        foreach (var part in rows.Chunk(Chunk))
        {
            await using var db = newDb();
            await new BulkInsert(db).WriteAsync(part);
        }
    }

    private static Company NewCompany(int i)
    {
        var company = new Company
        {
            Id = CompanyId(i),
            Name = CompanyName(i),
            Country = Countries[i % Countries.Length],
            Website = $"https://hospital{i}.example",
            WebsiteDomain = $"hospital{i}.example",
            Kind = "end-customer",
            LeadStatus = LeadStatuses.New,
            CreatedAt = Now.AddDays(-(i % 700)),
            UpdatedAt = Now.AddDays(-(i % 700)),
            Version = 1,
        };
        company.RefreshDerived();
        return company;
    }

    private static Contact NewContact(int i)
    {
        var contact = new Contact
        {
            Id = ContactId(i),
            FirstName = FirstNames[i % FirstNames.Length],
            LastName = LastNames[i / FirstNames.Length % LastNames.Length],
            Email = Email(i),
            JobTitle = i % 3 == 0 ? "Head of Orthopaedics" : "Surgeon",
            Phone = "+3491" + (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = Now.AddDays(-(i % 700)),
            UpdatedAt = Now.AddDays(-(i % 700)),
            Version = 1,
        };
        contact.RefreshDerived();
        return contact;
    }

    private Deal NewDeal(int i)
    {
        var company = i % tier.Companies;
        var country = Countries[company % Countries.Length];
        var stage = IsQualifiedWithBant(i) ? DealStages.Qualified : DealStages.All[(i * 7) % DealStages.All.Count];
        var description = "Deal " + i;
        var deal = new Deal
        {
            Id = DealId(i),
            CompanyId = CompanyId(company),
            Country = country,
            Description = description,
            Stage = stage,
            Name = DealRules.NameOf(country, CompanyName(company), description, stage == DealStages.Lost),
            DealClass = DealClass(i),
            Origin = Origins[i % Origins.Length],
            OwnerId = i % 3 == 0 ? null : ownerId,
            AmountMinor = 100_000 + ((long)i * 7919 % 50_000_000),
            Currency = i % 5 == 0 ? "USD" : "EUR",
            StageEnteredAt = Now.AddDays(-(i % 300)),
            CreatedAt = Now.AddDays(-(i % 300) - 30),
            UpdatedAt = Now.AddDays(-(i % 300)),
            Version = 1,
            ExpectedCloseDate = DateOnly.FromDateTime(Now).AddMonths(i % 12),
        };
        if (stage != DealStages.Prospected && stage != DealStages.Qualified || IsQualifiedWithBant(i))
        {
            (deal.BudgetConfirmed, deal.BudgetNote) = (true, "Budget approved for next year");
            (deal.AuthorityConfirmed, deal.AuthorityNote) = (true, "Head of department decides");
            (deal.NeedConfirmed, deal.NeedNote) = (true, "Replacing old systems");
        }

        if (DealStages.IndexOf(stage) >= DealStages.IndexOf(DealStages.ImplementationDefined))
        {
            deal.ImplementationMethod = "device delivery";
            deal.SuccessMetrics = "Surgery time";
            deal.PricingBasis = "per unit";
            deal.PricingFigures = "1,200 EUR per unit";
            deal.ImplementationTimeline = "Q1";
        }

        if (stage == DealStages.Lost)
        {
            deal.LostReason = "price";
        }

        return deal;
    }

    private static Activity NewActivity(int i) => new()
    {
        Id = ActivityId(i),
        Type = ActivityTypes.All[i % ActivityTypes.All.Count].Value,
        Direction = i % 5 == 0 ? ActivityDirections.Inbound : ActivityDirections.Outbound,
        Subject = "Follow-up " + i,
        Body = i % 4 == 0 ? "Discussed the offer and the next steps with the head of department." : null,
        At = Now.AddMinutes(-(i % 1_000_000)),
        CreatedAt = Now.AddMinutes(-(i % 1_000_000)),
        UpdatedAt = Now.AddMinutes(-(i % 1_000_000)),
        Version = 1,
    };
}
