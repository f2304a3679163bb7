using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Imports.ImportClient;

namespace Sanus.Tests.Imports;

/// <summary>IO-2: exports of the company and contact lists, formula-safe, filtered like the list, in the caller's scope, audited.</summary>
public sealed class ExportTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Csv_export_neutralises_formulas_keeps_the_filter_and_is_audited()
    {
        var admin = await app.ApiAsAdmin();
        var u = Unique();
        var owner = await app.CreateUserAsync(roles: "Sales Manager");
        async Task Company(string name, string country) =>
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/companies?confirm=true", new { name, country, website = $"{Unique()}.example", ownerId = owner.Id })).StatusCode);
        await Company("=HYPERLINK(\"x\")", "PT");
        await Company("Lisboa " + u, "PT");
        await Company("Madrid " + u, "ES");

        var response = await admin.GetAsync($"/api/v1/companies/export?format=csv&country=PT&ownerId={owner.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,Name,Legal name,Country,Website", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Lisboa " + u, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Madrid " + u, StringComparison.Ordinal));

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?entity=Company&action=export");
        var reason = audit.GetProperty("items")[0].GetProperty("reason").GetString()!;
        Assert.Contains("CSV export of 2 companies", reason, StringComparison.Ordinal);
        Assert.Contains("country=PT", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_export_opens_with_its_header_and_rows()
    {
        var admin = await app.ApiAsAdmin();
        var u = Unique();
        var company = (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = "Excel " + u, country = "FR", website = $"{u}.example" })).Json()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "@Zoe", lastName = "Martin" + u, email = $"zoe.{u}@h.example", jobTitle = "-Director", companyIds = new[] { company } });

        var response = await admin.GetAsync($"/api/v1/contacts/export?format=xlsx&companyId={company}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(["Id", "First name", "Last name", "Email", "Job title", "Phone", "LinkedIn", "Company", "Lifecycle stage", "KOL", "Owner", "Notes", "Created (UTC)", "Archived (UTC)"], row.Keys);
        Assert.Equal("'@Zoe", row["First name"]);
        Assert.Equal("'-Director", row["Job title"]);
        Assert.Equal("Excel " + u, row["Company"]);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?entity=Contact&action=export");
        Assert.Contains("XLSX export of 1 contacts", audit.GetProperty("items")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_exports_only_its_own_contacts_and_a_user_without_data_export_is_refused()
    {
        var setup = await PartnerSetup.CreateAsync(app);
        var u = Unique();
        async Task Contact(Guid company, string last) =>
            Assert.Equal(HttpStatusCode.Created, (await setup.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "P", lastName = last, email = $"{last}@h.example", jobTitle = "Buyer", companyIds = new[] { company } })).StatusCode);
        await Contact(setup.Customer, "Mine" + u);
        await Contact(setup.Stranger, "Theirs" + u);
        var engineer = await app.ApiAs((await app.CreateUserAsync(roles: "Field Service Engineer")).Email!);

        var csv = await setup.Partner.GetStringAsync("/api/v1/contacts/export");

        Assert.Contains("Mine" + u, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs" + u, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/contacts/export")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await setup.Admin.GetAsync("/api/v1/companies/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_downloads_an_export_and_opens_the_import_page()
    {
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        var client = app.Anonymous();
        var signedIn = await WebSignIn.PostAsync(client, user.Email!, SanusApp.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sanus.session=", StringComparison.Ordinal)).Split(';')[0];
        async Task<HttpResponseMessage> Get(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            return await client.SendAsync(request);
        }

        var export = await Get("/api/v1/contacts/export?format=csv");
        var page = await Get("/imports");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("Id,First name", (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Import companies, contacts or deals", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
