using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Contacts;

/// <summary>CT-3, CO-2: merging duplicates keeps chosen values and every association, is audited with a reason, and can be undone by an administrator.</summary>
public sealed class MergeTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static async Task<Guid> CreateCompany(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();

    private static async Task<JsonElement> CreateContact(HttpClient client, Guid company, string first, string last, string? phone = null) =>
        await (await client.PostAsJsonAsync("/api/v1/contacts?confirm=true", new
        {
            firstName = first,
            lastName = last,
            email = $"{first.ToLowerInvariant()}.{Guid.NewGuid():N}@clinic.example",
            jobTitle = "Surgeon",
            companyIds = new[] { company },
            phone,
        })).Json();

    [Fact]
    public async Task Contact_merge_moves_companies_takes_chosen_values_archives_the_other_and_undo_restores_both()
    {
        var admin = await app.ApiAsAdmin();
        var companyA = await CreateCompany(admin);
        var companyB = await CreateCompany(admin);
        var survivor = await CreateContact(admin, companyA, "Laura", "Martí");
        var other = await CreateContact(admin, companyB, "Laura", "Martí Soler", "+34 600 555 111");
        var survivorId = survivor.GetProperty("id").GetGuid();
        var otherId = other.GetProperty("id").GetGuid();

        var merged = await admin.PostAsJsonAsync($"/api/v1/contacts/{survivorId}/merge", new { otherId, take = new Dictionary<string, string> { ["Phone"] = "other", ["Email"] = "other" } });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergeId = (await merged.Json()).GetProperty("id").GetGuid();

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{survivorId}");
        Assert.Equal("+34600555111", after.GetProperty("phone").GetString());
        Assert.Equal(other.GetProperty("email").GetString(), after.GetProperty("email").GetString());
        Assert.Equal("Martí", after.GetProperty("lastName").GetString());
        Assert.Equal(new[] { companyA, companyB }.Order(), after.GetProperty("companyIds").EnumerateArray().Select(e => e.GetGuid()).Order());
        var archived = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{otherId}");
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);

        var reasons = await app.WithDb(db => Task.FromResult(db.AuditEntries.Where(a => a.EntityId == survivorId.ToString() || a.EntityId == otherId.ToString()).Select(a => a.Reason).Distinct().ToList()));
        Assert.Contains(reasons, r => r != null && r.StartsWith("Merge of contact", StringComparison.Ordinal));

        var undone = await admin.PostAsync($"/api/v1/merges/{mergeId}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);

        var survivorBack = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{survivorId}");
        var otherBack = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{otherId}");
        Assert.Equal(survivor.GetProperty("email").GetString(), survivorBack.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, survivorBack.GetProperty("phone").ValueKind);
        Assert.Equal([companyA], survivorBack.GetProperty("companyIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(JsonValueKind.Null, otherBack.GetProperty("archivedAt").ValueKind);
        Assert.Equal(other.GetProperty("email").GetString(), otherBack.GetProperty("email").GetString());
        Assert.Equal([companyB], otherBack.GetProperty("companyIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync($"/api/v1/merges/{mergeId}/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Company_merge_moves_sites_contacts_and_relationships()
    {
        var admin = await app.ApiAsAdmin();
        var survivor = await CreateCompany(admin);
        var other = await CreateCompany(admin);
        var distributor = await CreateCompany(admin);
        await admin.PostAsJsonAsync($"/api/v1/companies/{other}/sites", new { name = "Clinic Valencia", country = "ES" });
        await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = other, type = "distributor-of" });
        var contact = (await CreateContact(admin, other, "Pere", "Gil")).GetProperty("id").GetGuid();

        var merged = await admin.PostAsJsonAsync($"/api/v1/companies/{survivor}/merge", new { otherId = other });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var sites = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{survivor}/sites");
        Assert.Equal("Clinic Valencia", Assert.Single(sites.EnumerateArray()).GetProperty("name").GetString());
        var graph = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{survivor}/relationships");
        Assert.Equal(distributor, Assert.Single(graph.GetProperty("edges").EnumerateArray()).GetProperty("fromCompanyId").GetGuid());
        var contactAfter = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal([survivor], contactAfter.GetProperty("companyIds").EnumerateArray().Select(e => e.GetGuid()));

        var mergeId = (await merged.Json()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/merges/{mergeId}/undo", null)).StatusCode);
        var contactBack = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal([other], contactBack.GetProperty("companyIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{other}/sites")).EnumerateArray());
    }

    [Fact]
    public async Task Merge_needs_records_merge_and_undo_needs_an_administrator()
    {
        var admin = await app.ApiAsAdmin();
        var company = await CreateCompany(admin);
        var a = (await CreateContact(admin, company, "Eva", "Sanz")).GetProperty("id").GetGuid();
        var b = (await CreateContact(admin, company, "Eva", "Sanz")).GetProperty("id").GetGuid();
        var rep = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var manager = await app.ApiAs((await app.CreateUserAsync(roles: "Sales Manager")).Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync($"/api/v1/contacts/{a}/merge", new { otherId = b })).StatusCode);
        var merged = await manager.PostAsJsonAsync($"/api/v1/contacts/{a}/merge", new { otherId = b });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergeId = (await merged.Json()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/merges/{mergeId}/undo", null)).StatusCode);
    }
}
