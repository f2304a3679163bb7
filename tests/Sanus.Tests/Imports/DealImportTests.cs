using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Imports.ImportClient;

namespace Sanus.Tests.Imports;

/// <summary>IO-1 for deals: mapping without a stage, rows validated by the deal rules, built names (DL-3), duplicates, partner scope.</summary>
public sealed class DealImportTests(SanusApp app) : IClassFixture<SanusApp>
{
    private const string Header = "Company,Description,Deal class,Origin,Amount,Currency,Expected close date,Owner email,Contact emails\n";

    [Fact]
    public async Task Mapping_is_guessed_and_a_stage_column_is_not_offered()
    {
        var admin = await app.ApiAsAdmin();

        var job = await UploadCsvAsync(admin, "deals", "Empresa,Descripción,Deal class,Origen,Importe,Moneda,Fecha de cierre,Owner,Contacts,Stage\nA,B,C,D,1,EUR,2026-01-01,x,y,Qualified\n");

        Assert.Equal(["company", "description", "dealClass", "origin", "amount", "currency", "expectedCloseDate", "ownerEmail", "contactEmails", null], job.Mapping());
        Assert.DoesNotContain(job.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "stage");
        var stage = await admin.PutAsJsonAsync($"/api/v1/imports/{job.Id()}/mapping", new { columns = (string?[])["company", "description", "dealClass", "origin", "amount", "currency", "expectedCloseDate", "ownerEmail", "contactEmails", "stage"] });
        Assert.Equal(HttpStatusCode.BadRequest, stage.StatusCode);
    }

    [Fact]
    public async Task A_good_file_imports_deals_at_prospected_with_built_names_owner_and_contacts()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        var contact = await ContactAsync(admin, company.Id, $"ana.{u}@h.example");
        var owner = await app.CreateUserAsync(roles: "Sales Manager");
        var csv = Header
            + $"{company.Name},Proof of Concept {u},care-inpatient-public,outreach,12500.50,eur,2026-09-30,{owner.Email!.ToUpperInvariant()},ANA.{u}@h.example\n"
            + $"{company.Domain},Pilot {u},insurer,event,,,,,\n";

        var run = await RunAsync(admin, (await UploadCsvAsync(admin, "deals", csv)).Id());

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("created").GetInt32());
        var deals = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals?companyId={company.Id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([$"ES {company.Name} Pilot {u}", $"ES {company.Name} Proof of Concept {u}"], deals.Select(d => d.GetProperty("name").GetString()).Order());
        Assert.All(deals, d => Assert.Equal("Prospected", d.GetProperty("stage").GetString()));
        var poc = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deals.Single(d => d.GetProperty("name").GetString()!.Contains("Proof", StringComparison.Ordinal)).GetProperty("id").GetGuid()}");
        Assert.Equal((12500.50m, "EUR", "2026-09-30"), (poc.GetProperty("amount").GetDecimal(), poc.GetProperty("currency").GetString(), poc.GetProperty("expectedCloseDate").GetString()));
        Assert.Equal(owner.Id, poc.GetProperty("ownerId").GetString());
        Assert.Equal([contact], poc.GetProperty("contactIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{poc.GetProperty("id").GetGuid()}/stages")).EnumerateArray());
    }

    [Fact]
    public async Task A_bad_row_imports_nothing_and_the_report_names_row_and_field()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        var csv = Header
            + $"{company.Name},Good {u},insurer,outreach,100,EUR,,,\n"
            + $"{company.Name},Bad class {u},no-such-class,outreach,100,EUR,,,\n"
            + $"Nowhere {u},Bad company {u},insurer,outreach,100,EUR,,,\n";
        var job = await UploadCsvAsync(admin, "deals", csv);

        var run = await RunAsync(admin, job.Id());

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(0, run.GetProperty("created").GetInt32());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals?companyId={company.Id}")).GetProperty("items").EnumerateArray());
        var errors = run.GetProperty("report").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList());
        Assert.Equal(["dealClass"], errors[3]);
        Assert.Equal(["company"], errors[4]);
        var csvReport = await admin.GetStringAsync($"/api/v1/imports/{job.Id()}/errors.csv");
        Assert.Contains(csvReport.Split("\r\n"), l => l.StartsWith("3,error,dealClass,", StringComparison.Ordinal));
        Assert.Contains(csvReport.Split("\r\n"), l => l.StartsWith("4,error,company,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_open_deal_with_the_same_company_and_description_is_a_duplicate_and_skipped()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        var created = await admin.PostAsJsonAsync("/api/v1/deals", new { companyId = company.Id, description = "Pilot " + u, dealClass = "insurer", origin = "outreach" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var existing = (await created.Json()).GetProperty("id").GetGuid();
        var job = await UploadCsvAsync(admin, "deals", Header + $"{company.Name},pilot {u},insurer,event,999,EUR,,,\n{company.Name},Other {u},insurer,event,,,,,\n");

        var dryRun = await DryRunAsync(admin, job.Id());
        var run = await RunAsync(admin, job.Id(), new { defaultAction = "skip" });

        var duplicate = Assert.Single(dryRun.GetProperty("report").EnumerateArray());
        Assert.Equal((2, "duplicate"), (duplicate.GetProperty("row").GetInt32(), duplicate.GetProperty("status").GetString()));
        Assert.Equal(existing, duplicate.GetProperty("duplicate").GetProperty("id").GetGuid());
        Assert.Equal("company and description", duplicate.GetProperty("duplicate").GetProperty("matchedOn").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal((1, 0, 1), (run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32(), run.GetProperty("skipped").GetInt32()));
        Assert.Equal(0m, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{existing}")).GetProperty("amount").GetDecimal());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals?companyId={company.Id}")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_partner_imports_deals_only_for_companies_in_its_scope()
    {
        var setup = await PartnerSetup.CreateAsync(app);
        var u = Unique();
        var csv = Header + $"{setup.CustomerName},In {u},insurer,partner,,,,,\n{setup.StrangerName},Out {u},insurer,partner,,,,,\n{setup.Stranger},Id {u},insurer,partner,,,,,\n";

        var refused = await RunAsync(setup.Partner, (await UploadCsvAsync(setup.Partner, "deals", csv)).Id());
        var allowed = await RunAsync(setup.Partner, (await UploadCsvAsync(setup.Partner, "deals", string.Join('\n', csv.Split('\n').Take(2)))).Id());

        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal([3, 4], refused.GetProperty("report").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(refused.GetProperty("report").EnumerateArray(), r => Assert.Equal("company", r.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Empty((await setup.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals?companyId={setup.Stranger}")).GetProperty("items").EnumerateArray());
        Assert.Equal("succeeded", allowed.GetProperty("status").GetString());
        var deal = Assert.Single((await setup.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals?companyId={setup.Customer}")).GetProperty("items").EnumerateArray());
        Assert.Equal($"DE {setup.CustomerName} In {u}", deal.GetProperty("name").GetString());
    }

    private sealed record TestCompany(Guid Id, string Name, string Domain);

    private static async Task<TestCompany> CompanyAsync(HttpClient admin)
    {
        var u = Unique();
        var name = "Clinica Deals " + u;
        var domain = $"deals-{u}.example";
        var response = await admin.PostAsJsonAsync("/api/v1/companies", new { name, country = "ES", website = domain });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new TestCompany((await response.Json()).GetProperty("id").GetGuid(), name, domain);
    }

    private static async Task<Guid> ContactAsync(HttpClient admin, Guid companyId, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/contacts?confirm=true", new { firstName = "Ana", lastName = "Deal", email, jobTitle = "Buyer", companyIds = new[] { companyId } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }
}
