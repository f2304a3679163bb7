using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Contacts;

/// <summary>CT-1, CT-2, CT-3: required fields, phone and LinkedIn validation, unique email, duplicate warnings.</summary>
public sealed class ContactTests(SanusApp app) : IClassFixture<SanusApp>
{
    private async Task<(HttpClient Client, Guid Company)> ArrangeAsync()
    {
        var client = await app.ApiAsAdmin();
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        return (client, company);
    }

    private static object Person(Guid company, string? email = null, string first = "Ana", string last = "López", string? phone = null, string? linkedIn = null) =>
        new { firstName = first, lastName = last, email = email ?? $"ana.{Guid.NewGuid():N}@hospital.example", jobTitle = "Head of Orthopaedics", companyIds = new[] { company }, phone, linkedInUrl = linkedIn };

    [Fact]
    public async Task Four_fields_and_a_company_are_required_each_named()
    {
        var (client, _) = await ArrangeAsync();

        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        foreach (var field in new[] { "firstName", "lastName", "email", "jobTitle", "companyIds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} should be named");
        }
    }

    [Fact]
    public async Task Phone_is_stored_in_e164_using_the_company_country_and_lifecycle_defaults_to_mql()
    {
        var (client, company) = await ArrangeAsync();

        var created = await (await client.PostAsJsonAsync("/api/v1/contacts", Person(company, phone: "912 345 678", linkedIn: "linkedin.com/in/ana-lopez/"))).Json();

        Assert.Equal("+34912345678", created.GetProperty("phone").GetString());
        Assert.Equal("https://www.linkedin.com/in/ana-lopez", created.GetProperty("linkedInUrl").GetString());
        Assert.Equal("Marketing Qualified Lead", created.GetProperty("lifecycleStage").GetString());
    }

    [Theory]
    [InlineData("12", null, "phone")]
    [InlineData(null, "https://example.com/in/ana", "linkedInUrl")]
    public async Task Invalid_phone_or_linkedin_is_refused_by_the_field(string? phone, string? linkedIn, string field)
    {
        var (client, company) = await ArrangeAsync();
        var response = await client.PostAsJsonAsync("/api/v1/contacts", Person(company, phone: phone, linkedIn: linkedIn));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Email_is_unique_whatever_its_case()
    {
        var (client, company) = await ArrangeAsync();
        var email = $"Unique.{Guid.NewGuid():N}@Hospital.example";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/contacts", Person(company, email))).StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/contacts?confirm=true", Person(company, email.ToUpperInvariant(), first: "Other", last: "Person"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("email", (await again.Json()).GetProperty("candidates")[0].GetProperty("matchedOn").GetString());
    }

    [Fact]
    public async Task Same_name_at_same_company_or_same_phone_warns_unless_confirmed()
    {
        var (client, company) = await ArrangeAsync();
        await client.PostAsJsonAsync("/api/v1/contacts", Person(company, first: "Jordi", last: "Puig", phone: "+34 600 123 456"));

        var sameName = await client.PostAsJsonAsync("/api/v1/contacts", Person(company, first: "JORDI", last: "puig"));
        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        Assert.Equal("name and company", (await sameName.Json()).GetProperty("candidates")[0].GetProperty("matchedOn").GetString());

        var samePhone = await client.PostAsJsonAsync("/api/v1/contacts", Person(company, first: "Marta", last: "Vidal", phone: "600123456"));
        Assert.Equal(HttpStatusCode.Conflict, samePhone.StatusCode);

        var confirmed = await client.PostAsJsonAsync("/api/v1/contacts?confirm=true", Person(company, first: "Jordi", last: "Puig"));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task Name_search_finds_words_in_any_order()
    {
        var (client, company) = await ArrangeAsync();
        var last = "Zubizarreta" + Guid.NewGuid().ToString("N")[..5];
        await client.PostAsJsonAsync("/api/v1/contacts", Person(company, first: "Iñaki", last: last));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString("iñaki " + last)}");

        Assert.Equal(last, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Partner_sees_only_contacts_of_its_companies()
    {
        var admin = await app.ApiAsAdmin();
        async Task<Guid> Company(string kind = "end-customer") =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = "C " + Guid.NewGuid().ToString("N")[..8], country = "DE", website = $"{Guid.NewGuid():N}.example", kind })).Json()).GetProperty("id").GetGuid();
        var distributor = await Company("distributor");
        var customer = await Company();
        var stranger = await Company();
        await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = customer, type = "distributor-of" });
        var visible = (await (await admin.PostAsJsonAsync("/api/v1/contacts", Person(customer))).Json()).GetProperty("id").GetGuid();
        var hidden = (await (await admin.PostAsJsonAsync("/api/v1/contacts", Person(stranger))).Json()).GetProperty("id").GetGuid();
        var partnerUser = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var partner = await app.ApiAs(partnerUser.Email!);

        var listed = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/contacts?limit=200")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([visible], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/contacts/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync("/api/v1/contacts", Person(stranger))).StatusCode);
    }
}
