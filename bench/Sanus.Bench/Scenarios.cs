using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Web.Features.Dashboards;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Bench;

/// <summary>
/// What users feel, each through the app's HTTP API and, beside it, the same work in raw SQL (issue 7). Budgets apply to
/// the default tier on SQLite; on other runs they are printed for comparison.
/// </summary>
public sealed class Scenarios(HttpClient api, RawSql raw, Tier tier)
{
    private const string CardColumns = "\"Id\", \"Name\", \"Stage\", \"AmountMinor\", \"Currency\", \"ExpectedCloseDate\", \"OwnerId\", \"DealClass\", \"CompanyId\", \"StageEnteredAt\"";
    private static readonly string[] SearchQueries = ["garcia ana", "hospital 123", "person4321", "muller katrin", "rossi", "hospital 77", "smith james", "person12"];

    public async Task<List<Figure>> ReadsAsync()
    {
        var runs = tier.Runs;
        return
        [
            await Figure.MeasureAsync("board", "pipeline board (20 cards per column, totals)", runs,
                _ => GetAsync("/api/v1/deals/board"), _ => raw.ReadAsync(BoardSql()), new Budget(40, 120, Read: true)),
            await Figure.MeasureAsync("list", "deal list: country + class, by amount", runs,
                _ => GetAsync("/api/v1/deals?country=ES&dealClass=insurer&sort=-amount&limit=50"),
                _ => raw.ReadAsync($"SELECT {CardColumns} FROM \"Deal\" WHERE \"ArchivedAt\" IS NULL AND \"Country\" = @c AND \"DealClass\" = @k ORDER BY \"AmountMinor\" DESC, \"Id\" LIMIT 51", ("@c", "ES"), ("@k", "insurer")),
                new Budget(25, 80, Read: true)),
            await DeepPageAsync(runs),
            await Figure.MeasureAsync("search", "global search (companies, contacts, deals, users)", runs,
                i => GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(SearchQueries[i % SearchQueries.Length])),
                i => SearchRawAsync(SearchQueries[i % SearchQueries.Length]), new Budget(30, 100, Read: true)),
            await Figure.MeasureAsync("record", "company page: the company and its timeline", runs,
                async i =>
                {
                    var id = Generator.CompanyId(i * 37 % tier.Companies);
                    await GetAsync($"/api/v1/companies/{id}");
                    await GetAsync($"/api/v1/timeline?companyId={id}&limit=25");
                },
                i => raw.ReadAsync(CompanyPageSql(), ("@id", raw.Id(Generator.CompanyId(i * 37 % tier.Companies)))),
                new Budget(30, 100, Read: true)),
            await Figure.MeasureAsync("dashboard", "sales dashboard aggregates", Math.Max(10, runs / 5),
                _ => GetAsync("/api/v1/dashboards/sales"), _ => raw.ReadAsync(DashboardSql(), ("@idle", TimeProvider.System.GetUtcNow().UtcDateTime - SalesDashboard.IdleAfter)), new Budget(150, 500, Read: true)),
        ];
    }

    public async Task<List<Figure>> WritesAsync()
    {
        var runs = tier.Runs;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return
        [
            await Figure.MeasureAsync("update", "contact update (rules, audit, version check)", runs,
                i => UpdateContactAsync(Contact(2 * i), version: 1),
                i => raw.WriteAsync(("UPDATE \"Contact\" SET \"JobTitle\" = @t, \"Version\" = \"Version\" + 1, \"UpdatedAt\" = @now WHERE \"Id\" = @id AND \"Version\" = 1",
                    [("@t", "Head of Surgery"), ("@now", raw.Time(now)), ("@id", raw.Id(Generator.ContactId(Contact(2 * i + 1))))])),
                new Budget(10, 30, Read: false)),
            await Figure.MeasureAsync("move", "stage move Qualified → Discovered (gates)", runs,
                i => MoveAsync(QualifiedDeal(2 * i)),
                i =>
                {
                    var id = raw.Id(Generator.DealId(QualifiedDeal(2 * i + 1)));
                    return raw.WriteAsync(
                        ("UPDATE \"Deal\" SET \"Stage\" = 'Discovered', \"StageEnteredAt\" = @now, \"Version\" = \"Version\" + 1, \"UpdatedAt\" = @now WHERE \"Id\" = @id AND \"Version\" = 1",
                            [("@now", raw.Time(now)), ("@id", id)]),
                        ("INSERT INTO \"DealStageChange\" (\"Id\", \"DealId\", \"FromStage\", \"ToStage\", \"At\", \"UserId\") VALUES (@s, @id, 'Qualified', 'Discovered', @now, NULL)",
                            [("@s", raw.Id(Guid.CreateVersion7())), ("@id", id), ("@now", raw.Time(now))]));
                },
                null),
        ];
    }

    public async Task GetAsync(string path)
    {
        using var response = await api.GetAsync(path);
        await EnsureAsync(response, path);
    }

    /// <summary>Changes the contact's job title with If-Match: the version given, or the one a GET returns first.</summary>
    public async Task UpdateContactAsync(int contact, int? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contacts/{Generator.ContactId(contact)}")
        {
            Content = JsonContent.Create(new
            {
                firstName = Generator.FirstNames[contact % Generator.FirstNames.Length],
                lastName = Generator.LastNames[contact / Generator.FirstNames.Length % Generator.LastNames.Length],
                email = Generator.Email(contact),
                jobTitle = "Head of Surgery",
                companyIds = new[] { Generator.CompanyId(contact % tier.Companies) },
            }),
        };
        if (version is null)
        {
            using var current = await api.GetAsync($"/api/v1/contacts/{Generator.ContactId(contact)}");
            await EnsureAsync(current, "contact");
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag?.Tag);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(version.Value));
        }

        using var response = await api.SendAsync(request);
        await EnsureAsync(response, "contact update");
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Every index is a different contact; the second half of the contacts is left for the mixed load.</summary>
    private int Contact(int i) => i % (tier.Contacts / 2);

    private int QualifiedDeal(int i) => (i * 10 % tier.Deals) + 1;

    private async Task MoveAsync(int deal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/deals/{Generator.DealId(deal)}/move") { Content = JsonContent.Create(new { stage = DealStages.Discovered }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await api.SendAsync(request);
        await EnsureAsync(response, "stage move");
    }

    private async Task<Figure> DeepPageAsync(int runs)
    {
        const int Page = 100;
        string? cursor = null;
        for (var page = 1; page < Math.Min(Page, tier.Deals / 50); page++)
        {
            cursor = (await api.GetFromJsonAsync<JsonElement>("/api/v1/deals?sort=name&limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).GetProperty("nextCursor").GetString();
        }

        var after = Cursor.Decode(cursor) ?? throw new InvalidOperationException("The deal list has no deep page.");
        return await Figure.MeasureAsync("deep", $"deal list by name, page {Math.Min(Page, tier.Deals / 50)}", runs,
            _ => GetAsync("/api/v1/deals?sort=name&limit=50&cursor=" + Uri.EscapeDataString(cursor!)),
            _ => raw.ReadAsync($"SELECT {CardColumns} FROM \"Deal\" WHERE \"ArchivedAt\" IS NULL AND (\"Name\" > @n OR (\"Name\" = @n AND \"Id\" > @id)) ORDER BY \"Name\", \"Id\" LIMIT 51",
                ("@n", after.SortValue), ("@id", raw.Id(after.Id))),
            new Budget(25, 80, Read: true));
    }

    /// <summary>The board by hand: totals per stage and currency, the probabilities, and the first 21 cards of each column.</summary>
    private static string BoardSql() =>
        "SELECT \"Stage\", \"Currency\", COUNT(*), SUM(\"AmountMinor\") FROM \"Deal\" WHERE \"ArchivedAt\" IS NULL GROUP BY \"Stage\", \"Currency\";\n" +
        "SELECT \"Stage\", \"Percent\" FROM \"StageProbability\";\n" +
        string.Join("\n", DealStages.All.Select(stage =>
            $"SELECT {CardColumns} FROM \"Deal\" WHERE \"ArchivedAt\" IS NULL AND \"Stage\" = '{stage}' ORDER BY \"AmountMinor\" DESC, \"Id\" LIMIT 21;"));

    private Task<int> SearchRawAsync(string query)
    {
        var words = SearchText.Words(query);
        var companies = raw.FullText("Company", "CompanySearch", words);
        var contacts = raw.FullText("Contact", "ContactSearch", words);
        var deals = raw.FullText("Deal", "DealSearch", words);
        var pattern = "%" + query.ToUpperInvariant() + "%";
        return raw.ReadAsync(
            $"SELECT t.\"Id\", t.\"Name\", t.\"Country\" FROM \"Company\" t WHERE {companies.Condition} AND t.\"ArchivedAt\" IS NULL ORDER BY t.\"NormalizedName\" LIMIT 20;\n" +
            $"SELECT t.\"Id\", t.\"FirstName\", t.\"LastName\", t.\"Email\" FROM \"Contact\" t WHERE {contacts.Condition} AND t.\"ArchivedAt\" IS NULL ORDER BY t.\"SortName\" LIMIT 20;\n" +
            $"SELECT t.\"Id\", t.\"Name\", t.\"Stage\" FROM \"Deal\" t WHERE {deals.Condition} AND t.\"ArchivedAt\" IS NULL ORDER BY t.\"Name\" LIMIT 20;\n" +
            "SELECT \"Id\", \"DisplayName\", \"Email\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" LIKE @u OR upper(\"DisplayName\") LIKE @u ORDER BY \"DisplayName\" LIMIT 20;",
            ("@q", companies.Value), ("@u", pattern));
    }

    /// <summary>The company, then its timeline's first page: its activities and its contacts' and deals', tasks, stage moves.</summary>
    private static string CompanyPageSql() =>
        "SELECT * FROM \"Company\" WHERE \"Id\" = @id;\n" +
        "SELECT a.\"Id\", a.\"At\", a.\"Subject\", a.\"Body\", a.\"Type\", a.\"Direction\", a.\"OwnerId\", a.\"EndsAt\", a.\"Location\" FROM \"Activity\" a " +
        "WHERE a.\"ArchivedAt\" IS NULL AND a.\"Id\" IN (SELECT \"ActivityId\" FROM \"ActivityCompany\" WHERE \"CompanyId\" = @id " +
        "UNION SELECT l.\"ActivityId\" FROM \"ActivityContact\" l JOIN \"ContactCompany\" cc ON cc.\"ContactId\" = l.\"ContactId\" WHERE cc.\"CompanyId\" = @id " +
        "UNION SELECT l.\"ActivityId\" FROM \"ActivityDeal\" l JOIN \"Deal\" d ON d.\"Id\" = l.\"DealId\" WHERE d.\"CompanyId\" = @id) " +
        "ORDER BY a.\"At\" DESC, a.\"Id\" DESC LIMIT 26;\n" +
        "SELECT t.\"Id\", t.\"DueAt\", t.\"Title\", t.\"OwnerId\", t.\"Done\", t.\"DealId\" FROM \"TaskItem\" t WHERE t.\"ArchivedAt\" IS NULL AND (t.\"CompanyId\" = @id " +
        "OR t.\"ContactId\" IN (SELECT \"ContactId\" FROM \"ContactCompany\" WHERE \"CompanyId\" = @id) OR t.\"DealId\" IN (SELECT \"Id\" FROM \"Deal\" WHERE \"CompanyId\" = @id)) " +
        "ORDER BY t.\"DueAt\" DESC, t.\"Id\" DESC LIMIT 26;\n" +
        "SELECT s.\"Id\", s.\"DealId\", s.\"FromStage\", s.\"ToStage\", s.\"At\", s.\"UserId\", d.\"Name\" FROM \"DealStageChange\" s JOIN \"Deal\" d ON d.\"Id\" = s.\"DealId\" " +
        "WHERE d.\"CompanyId\" = @id ORDER BY s.\"At\" DESC, s.\"Id\" DESC LIMIT 26;";

    /// <summary>The open pipeline by stage, by close month, by class and by origin, deals idle in their stage and the win rate.</summary>
    private string DashboardSql()
    {
        var month = raw.IsPostgres ? "to_char(\"ExpectedCloseDate\", 'YYYY-MM')" : "substr(\"ExpectedCloseDate\", 1, 7)";
        const string Open = "\"ArchivedAt\" IS NULL AND \"Stage\" <> 'Lost'";
        return
            $"SELECT \"Stage\", \"Currency\", COUNT(*), SUM(\"AmountMinor\") FROM \"Deal\" WHERE {Open} GROUP BY \"Stage\", \"Currency\";\n" +
            $"SELECT {month}, \"Stage\", \"Currency\", SUM(\"AmountMinor\") FROM \"Deal\" WHERE {Open} AND \"ExpectedCloseDate\" IS NOT NULL GROUP BY {month}, \"Stage\", \"Currency\";\n" +
            $"SELECT \"DealClass\", \"Currency\", COUNT(*), SUM(\"AmountMinor\") FROM \"Deal\" WHERE {Open} GROUP BY \"DealClass\", \"Currency\";\n" +
            $"SELECT \"Origin\", \"Currency\", COUNT(*), SUM(\"AmountMinor\") FROM \"Deal\" WHERE {Open} GROUP BY \"Origin\", \"Currency\";\n" +
            $"SELECT \"Stage\", COUNT(*) FROM \"Deal\" WHERE {Open} AND \"StageEnteredAt\" < @idle GROUP BY \"Stage\";\n" +
            "SELECT COUNT(DISTINCT \"DealId\") FROM \"DealStageChange\" WHERE \"ToStage\" = 'Contract Signed';\n" +
            "SELECT COUNT(*) FROM \"Deal\" WHERE \"ArchivedAt\" IS NULL AND \"Stage\" = 'Lost';";
    }
}
