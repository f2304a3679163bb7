using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Imports.ImportClient;

namespace Sanus.Tests.Imports;

/// <summary>IO-1: column mapping, preview, dry run, duplicates (CT-3, CO-2), all-or-nothing runs, the error report, partner scope.</summary>
public sealed class ImportTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Mapping_is_guessed_from_english_and_spanish_headers_and_previewed()
    {
        var admin = await app.ApiAsAdmin();

        var contacts = await UploadCsvAsync(admin, "contacts",
            "Nombre;Apellidos;E-mail;Teléfono;Cargo;Empresa;LinkedIn;Notas;Shoe size\nAna;López;ana@h.example;912345678;Jefa;Clínica;;Hola;42\n");
        var companies = await UploadCsvAsync(admin, "companies", "Company name,País,Web,Position,Notes\nSanitas,ES,sanitas.es,x,y\n");

        Assert.Equal(["firstName", "lastName", "email", "phone", "jobTitle", "company", "linkedInUrl", "notes", null], contacts.Mapping());
        Assert.Equal(["name", "country", "website", null, "notes"], companies.Mapping());
        var preview = Assert.Single(contacts.GetProperty("preview").EnumerateArray());
        Assert.Equal(2, preview.GetProperty("row").GetInt32());
        Assert.Equal("ana@h.example", preview.GetProperty("values").GetProperty("email").GetString());
        Assert.Equal("uploaded", contacts.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Mapping_can_be_corrected_and_a_wrong_field_is_refused()
    {
        var admin = await app.ApiAsAdmin();
        var job = await UploadCsvAsync(admin, "companies", "Brand,Country,Site\nNorte,ES,norte.example\n");

        var wrong = await admin.PutAsJsonAsync($"/api/v1/imports/{job.Id()}/mapping", new { columns = (string[])["name", "colour", "website"] });
        var fixedUp = await admin.PutAsJsonAsync($"/api/v1/imports/{job.Id()}/mapping", new { columns = (string[])["name", "country", "website"] });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Json()).GetProperty("errors").TryGetProperty("columns", out _));
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.Equal("Norte", (await fixedUp.Json()).GetProperty("preview")[0].GetProperty("values").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Dry_run_reports_each_row_error_by_field_and_writes_nothing()
    {
        var admin = await app.ApiAsAdmin();
        var u = Unique();
        var job = await UploadCsvAsync(admin, "companies", $"Name,Country,Website\nGood {u},ES,good-{u}.example\nBad {u},Narnia,\n");

        var report = await DryRunAsync(admin, job.Id());

        Assert.Equal("checked", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("okRows").GetInt32());
        Assert.Equal(1, report.GetProperty("errorRows").GetInt32());
        var row = Assert.Single(report.GetProperty("report").EnumerateArray());
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Equal("error", row.GetProperty("status").GetString());
        Assert.Equal(["country", "website"], row.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies?q=Good%20{u}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task One_bad_row_imports_nothing_and_the_error_csv_names_the_row_and_field()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        var job = await UploadCsvAsync(admin, "contacts",
            $"First name,Last name,Email,Job title,Company\nAna,Good{u},ana.{u}@h.example,Nurse,{company.Name}\nLuis,Bad{u},not-an-email,Nurse,{company.Name}\n");

        var done = await RunAsync(admin, job.Id());

        Assert.Equal("failed", done.GetProperty("status").GetString());
        Assert.Equal(0, done.GetProperty("created").GetInt32());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q=Good{u}")).GetProperty("items").EnumerateArray());
        var csv = await admin.GetStringAsync($"/api/v1/imports/{job.Id()}/errors.csv");
        var line = Assert.Single(csv.Split("\r\n").Skip(1), l => l.Length > 0);
        Assert.StartsWith("3,error,email,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_import_with_phone_in_the_company_country_and_company_found_by_website()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        var job = await UploadCsvAsync(admin, "contacts",
            $"First name,Last name,Email,Job title,Phone,Company,LinkedIn\nMarta,Vidal{u},marta.{u}@h.example,Surgeon,912 345 678,{company.Domain},linkedin.com/in/marta-{u}\n");

        var done = await RunAsync(admin, job.Id());

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(1, done.GetProperty("created").GetInt32());
        Assert.Equal(1, done.GetProperty("processedRows").GetInt32());
        var contact = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?companyId={company.Id}")).GetProperty("items").EnumerateArray());
        Assert.Equal("+34912345678", contact.GetProperty("phone").GetString());
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity=Contact&id={contact.GetProperty("id").GetGuid()}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("field").GetString() == "Email" && e.GetProperty("reason").GetString()!.Contains(job.Id().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicates_are_reported_and_skipped_updated_or_created_as_chosen()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        async Task<Guid> Contact(string first, string last, string email, string? phone = null) =>
            (await (await admin.PostAsJsonAsync("/api/v1/contacts?confirm=true", new { firstName = first, lastName = last, email, jobTitle = "Nurse", companyIds = new[] { company.Id }, phone })).Json()).GetProperty("id").GetGuid();
        var byEmail = await Contact("Eva", "Email" + u, $"eva.{u}@h.example");
        await Contact("Pau", "Phone" + u, $"pau.{u}@h.example", "+34 600 111 222");
        await Contact("Nil", "Name" + u, $"nil.{u}@h.example");
        var csv = "First name,Last name,Email,Job title,Phone,Company\n"
            + $"Eva,Email{u},EVA.{u}@h.example,Chief nurse,,{company.Name}\n"
            + $"Pere,Other{u},pere.{u}@h.example,Nurse,600 111 222,{company.Name}\n"
            + $"Nil,Name{u},nil.other.{u}@h.example,Nurse,,{company.Name}\n"
            + $"Rosa,New{u},rosa.{u}@h.example,Nurse,,{company.Name}\n";
        var job = await UploadCsvAsync(admin, "contacts", csv);

        var dryRun = await DryRunAsync(admin, job.Id());
        var run = await RunAsync(admin, job.Id(), new { defaultAction = "skip", rows = new Dictionary<string, string> { ["2"] = "update", ["3"] = "create" } });

        var reported = dryRun.GetProperty("report").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("duplicate"));
        Assert.Equal("email", reported[2].GetProperty("matchedOn").GetString());
        Assert.Equal(byEmail, reported[2].GetProperty("id").GetGuid());
        Assert.Equal("phone", reported[3].GetProperty("matchedOn").GetString());
        Assert.Equal("name and company", reported[4].GetProperty("matchedOn").GetString());
        Assert.Equal(3, dryRun.GetProperty("duplicateRows").GetInt32());

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal((2, 1, 1), (run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32(), run.GetProperty("skipped").GetInt32()));
        Assert.Equal("Chief nurse", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{byEmail}")).GetProperty("jobTitle").GetString());
        var names = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?companyId={company.Id}&limit=200")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("firstName").GetString()).Order();
        Assert.Equal(["Eva", "Nil", "Pau", "Pere", "Rosa"], names);
    }

    [Fact]
    public async Task Creating_a_second_contact_with_the_same_email_is_an_error_whatever_the_choice()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CompanyAsync(admin);
        var u = Unique();
        await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Eva", lastName = "X" + u, email = $"eva.{u}@h.example", jobTitle = "Nurse", companyIds = new[] { company.Id } });
        var job = await UploadCsvAsync(admin, "contacts", $"First name,Last name,Email,Job title,Company\nEva,Y{u},eva.{u}@h.example,Nurse,{company.Name}\n");

        var run = await RunAsync(admin, job.Id(), new { defaultAction = "create" });

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("action", run.GetProperty("report")[0].GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Companies_import_from_xlsx_with_duplicate_by_website_domain_updated()
    {
        var admin = await app.ApiAsAdmin();
        var existing = await CompanyAsync(admin);
        var u = Unique();
        var file = Xlsx([
            new() { ["Company name"] = "Xlsx Clinic " + u, ["Country"] = "pt", ["Website"] = $"https://www.xlsx-{u}.example/", ["Notes"] = "From Excel" },
            new() { ["Company name"] = "Renamed " + u, ["Country"] = "ES", ["Website"] = existing.Domain, ["Notes"] = "Updated from Excel" },
        ]);
        var job = await UploadAsync(admin, "companies", "companies.xlsx", file);
        Assert.Equal(["name", "country", "website", "notes"], job.Mapping());

        var run = await RunAsync(admin, job.Id(), new { defaultAction = "update" });

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal((1, 1), (run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32()));
        var created = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies?q=Xlsx%20{u}")).GetProperty("items").EnumerateArray());
        Assert.Equal("PT", created.GetProperty("country").GetString());
        Assert.Equal($"https://xlsx-{u}.example", created.GetProperty("website").GetString());
        var updated = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{existing.Id}");
        Assert.Equal(("Renamed " + u, "Updated from Excel"), (updated.GetProperty("name").GetString(), updated.GetProperty("notes").GetString()));
    }

    [Fact]
    public async Task A_partner_imports_contacts_only_into_companies_in_its_scope()
    {
        var setup = await PartnerSetup.CreateAsync(app);
        var u = Unique();
        var csv = $"First name,Last name,Email,Job title,Company\nAna,In{u},in.{u}@h.example,Nurse,{setup.CustomerName}\nBo,Out{u},out.{u}@h.example,Nurse,{setup.StrangerName}\nCy,Id{u},id.{u}@h.example,Nurse,{setup.Stranger}\n";

        var refused = await RunAsync(setup.Partner, (await UploadCsvAsync(setup.Partner, "contacts", csv)).Id());
        var allowed = await RunAsync(setup.Partner, (await UploadCsvAsync(setup.Partner, "contacts", string.Join('\n', csv.Split('\n').Take(2)))).Id());

        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal([3, 4], refused.GetProperty("report").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(refused.GetProperty("report").EnumerateArray(), r => Assert.Equal("company", r.GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal("succeeded", allowed.GetProperty("status").GetString());
        var contact = Assert.Single((await setup.Partner.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q=In{u}")).GetProperty("items").EnumerateArray());
        var companies = (await setup.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact.GetProperty("id").GetGuid()}")).GetProperty("companyIds").EnumerateArray().Select(c => c.GetGuid());
        Assert.Equal([setup.Customer], companies);
    }

    [Fact]
    public async Task Another_user_can_not_see_an_import_and_a_user_without_data_import_is_refused()
    {
        var admin = await app.ApiAsAdmin();
        var job = await UploadCsvAsync(admin, "companies", "Name,Country,Website\nA,ES,a.example\n");
        var manager = await app.ApiAs((await app.CreateUserAsync(roles: "Sales Manager")).Email!);
        var engineer = await app.ApiAs((await app.CreateUserAsync(roles: "Field Service Engineer")).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/imports/{job.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/imports")).StatusCode);
    }

    private sealed record TestCompany(Guid Id, string Name, string Domain);

    private static async Task<TestCompany> CompanyAsync(HttpClient admin)
    {
        var u = Unique();
        var name = "Clinica Import " + u;
        var domain = $"import-{u}.example";
        var response = await admin.PostAsJsonAsync("/api/v1/companies", new { name, country = "ES", website = domain });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new TestCompany((await response.Json()).GetProperty("id").GetGuid(), name, domain);
    }
}
