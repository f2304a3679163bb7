using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Companies;

/// <summary>ACC-3: a distributor's user sees only its own company and its end customers; anything else is 404.</summary>
public sealed class PartnerScopeTests(SanusApp app) : IClassFixture<SanusApp>
{
    private async Task<(HttpClient Partner, Guid Distributor, Guid OwnCustomer, Guid OtherCustomer)> ArrangeAsync()
    {
        var admin = await app.ApiAsAdmin();
        async Task<Guid> Create(string name, string kind = "end-customer") =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name, country = "ES", website = $"{Guid.NewGuid():N}.example", kind })).Json()).GetProperty("id").GetGuid();

        var tag = Guid.NewGuid().ToString("N")[..6];
        var distributor = await Create($"Iberia Ortho {tag}", "distributor");
        var otherDistributor = await Create($"Levante Med {tag}", "distributor");
        var ownCustomer = await Create($"Hospital Norte {tag}");
        var otherCustomer = await Create($"Hospital Sur {tag}");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = ownCustomer, type = "distributor-of" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{otherDistributor}/relationships", new { toCompanyId = otherCustomer, type = "distributor-of" })).StatusCode);

        var user = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        return (await app.ApiAs(user.Email!), distributor, ownCustomer, otherCustomer);
    }

    [Fact]
    public async Task Partner_lists_only_its_own_company_and_end_customers()
    {
        var (partner, distributor, ownCustomer, _) = await ArrangeAsync();

        var page = await partner.GetFromJsonAsync<JsonElement>("/api/v1/companies?limit=200");

        var ids = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { distributor, ownCustomer }, ids);
    }

    [Fact]
    public async Task Guessing_another_partners_company_answers_404()
    {
        var (partner, _, ownCustomer, otherCustomer) = await ArrangeAsync();

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/companies/{ownCustomer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/companies/{otherCustomer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/companies/{otherCustomer}/sites")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PutAsJsonAsync($"/api/v1/companies/{otherCustomer}", new { name = "Taken over", country = "ES", website = "x.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync($"/api/v1/companies/{otherCustomer}")).StatusCode);
    }

    [Fact]
    public async Task Company_created_by_a_partner_is_its_end_customer()
    {
        var (partner, distributor, _, _) = await ArrangeAsync();

        var created = await partner.PostAsJsonAsync("/api/v1/companies", Api.NewCompany());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/companies/{id}")).StatusCode);
        var graph = await (await app.ApiAsAdmin()).GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}/relationships");
        var edge = Assert.Single(graph.GetProperty("edges").EnumerateArray());
        Assert.Equal(distributor, edge.GetProperty("fromCompanyId").GetGuid());
        Assert.Equal("distributor-of", edge.GetProperty("type").GetString());
    }
}
