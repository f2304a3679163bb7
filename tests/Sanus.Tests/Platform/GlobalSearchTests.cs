using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>UX-1: the app shell's search box searches companies, contacts, deals and (for staff) users, within the caller's scope.</summary>
public sealed class GlobalSearchTests(SanusApp app) : IClassFixture<SanusApp>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.Anonymous();
        var response = await WebSignIn.PostAsync(client, email, SanusApp.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sanus.session=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task Search_page_lists_matching_companies_and_contacts_but_not_out_of_scope_ones()
    {
        var admin = await app.ApiAsAdmin();
        var tag = "Qz" + Guid.NewGuid().ToString("N")[..6];
        var distributor = (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"Distrib {tag}", country = "ES", website = $"d-{tag}.example", kind = "distributor" })).Json()).GetProperty("id").GetGuid();
        var mine = (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"Hospital Mine {tag}", country = "ES", website = $"m-{tag}.example" })).Json()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"Hospital Theirs {tag}", country = "ES", website = $"t-{tag}.example" });
        await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = mine, type = "distributor-of" });
        await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Nerea", lastName = tag, email = $"nerea@{tag}.example", jobTitle = "Surgeon", companyIds = new[] { mine } });

        var staff = await SignedInAsync((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var staffPage = await staff.GetStringAsync($"/search?q={tag}");
        Assert.Contains($"Hospital Mine {tag}", staffPage, StringComparison.Ordinal);
        Assert.Contains($"Hospital Theirs {tag}", staffPage, StringComparison.Ordinal);
        Assert.Contains($"Nerea {tag}", staffPage, StringComparison.Ordinal);

        var partner = await SignedInAsync((await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner")).Email!);
        var partnerPage = await partner.GetAsync($"/search?q={tag}");
        Assert.Equal(HttpStatusCode.OK, partnerPage.StatusCode);
        var html = await partnerPage.Content.ReadAsStringAsync();
        Assert.Contains($"Hospital Mine {tag}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Hospital Theirs {tag}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_api_finds_deals_by_name_and_keeps_a_partner_to_its_own_customers()
    {
        var admin = await app.ApiAsAdmin();
        var tag = "Qd" + Guid.NewGuid().ToString("N")[..6];
        async Task<Guid> Create(string path, object body) =>
            (await (await admin.PostAsJsonAsync(path, body)).Json()).GetProperty("id").GetGuid();
        var distributor = await Create("/api/v1/companies", new { name = $"Distrib {tag}", country = "ES", website = $"d-{tag}.example", kind = "distributor" });
        var mine = await Create("/api/v1/companies", new { name = $"Clinica Mine {tag}", country = "ES", website = $"m-{tag}.example" });
        var theirs = await Create("/api/v1/companies", new { name = $"Clinica Theirs {tag}", country = "ES", website = $"t-{tag}.example" });
        await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = mine, type = "distributor-of" });
        await Create("/api/v1/deals", new { companyId = mine, description = $"Scanner {tag}", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 1000m, currency = "EUR" });
        await Create("/api/v1/deals", new { companyId = theirs, description = $"Scanner {tag}", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 1000m, currency = "EUR" });

        var staff = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var hits = await staff.GetFromJsonAsync<List<Hit>>($"/api/v1/search?q=scanner%20{tag}");
        Assert.Equal(2, hits!.Count(h => h.Kind == "Deal" && h.Href.StartsWith("/deals/", StringComparison.Ordinal)));

        var partner = await app.ApiAs((await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner")).Email!);
        var partnerHits = await partner.GetFromJsonAsync<List<Hit>>($"/api/v1/search?q={tag}");
        Assert.Contains(partnerHits!, h => h.Kind == "Deal" && h.Title.Contains("Mine", StringComparison.Ordinal));
        Assert.Contains(partnerHits!, h => h.Kind == "Company" && h.Title.StartsWith($"Clinica Mine {tag}", StringComparison.Ordinal));
        Assert.DoesNotContain(partnerHits!, h => h.Title.Contains("Theirs", StringComparison.Ordinal));
        Assert.Empty(await partner.GetFromJsonAsync<List<Hit>>("/api/v1/search?q=admin") ?? []);
    }

    private sealed record Hit(string Kind, string Title, string Href);
}
