using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Deals;

/// <summary>
/// DL-8, ACC-3, UX-1: the pipeline board, the deal list and the deal page, signed in through the cookie form as a browser is.
/// The pages pre-render on the server, so the first HTML already holds the deals; typed markup comes back encoded.
/// </summary>
public sealed class DealPagesTests(SanusApp app) : IClassFixture<SanusApp>
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task Board_list_deal_and_company_pages_show_the_deal()
    {
        var api = await app.ApiAsAdmin();
        var tag = Tag();
        var company = await CreateCompanyAsync(api, $"Hospital Levante {tag}");
        var (deal, name) = await CreateDealAsync(api, company, "Proof of Concept");
        var browser = await SignedInBrowserAsync("Sales Manager");

        var board = await GetPageAsync(browser, "/deals");
        Assert.Contains(name, board, StringComparison.Ordinal);
        Assert.Contains($"id=\"card-{deal}\"", board, StringComparison.Ordinal);
        Assert.Contains("id=\"column-prospected\"", board, StringComparison.Ordinal);
        Assert.Contains("id=\"column-lost\"", board, StringComparison.Ordinal);

        var list = await GetPageAsync(browser, "/deals/list");
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains($"href=\"deals/{deal}\"", list, StringComparison.Ordinal);

        var page = await GetPageAsync(browser, $"/deals/{deal}");
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("No owner — flagged to the Sales Manager", page, StringComparison.Ordinal);
        Assert.Contains("id=\"deal-move-next\"", page, StringComparison.Ordinal);

        // The company's Deals tab lists the deal and offers a new one with the company chosen.
        var companyPage = await GetPageAsync(browser, $"/companies/{company}");
        Assert.Contains($"href=\"deals/{deal}\"", companyPage, StringComparison.Ordinal);
        Assert.Contains($"deals/new?companyId={company}", companyPage, StringComparison.Ordinal);
        var newDeal = await GetPageAsync(browser, $"/deals/new?companyId={company}");
        Assert.Contains($"Hospital Levante {tag}", newDeal, StringComparison.Ordinal);
        Assert.Contains("id=\"deal-save\"", newDeal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_does_not_see_another_partners_deal()
    {
        var admin = await app.ApiAsAdmin();
        var tag = Tag();
        var distributor = await CreateCompanyAsync(admin, $"Iberia Ortho {tag}", "distributor");
        var otherDistributor = await CreateCompanyAsync(admin, $"Levante Med {tag}", "distributor");
        var ownCustomer = await CreateCompanyAsync(admin, $"Hospital Norte {tag}");
        var otherCustomer = await CreateCompanyAsync(admin, $"Hospital Sur {tag}");
        await LinkAsync(admin, distributor, ownCustomer);
        await LinkAsync(admin, otherDistributor, otherCustomer);
        var (_, ownName) = await CreateDealAsync(admin, ownCustomer, "Pilot");
        var (otherDeal, otherName) = await CreateDealAsync(admin, otherCustomer, "Pilot");
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, partner.Email!, SanusApp.Password)).StatusCode);

        foreach (var path in new[] { "/deals", "/deals/list" })
        {
            var html = await GetPageAsync(browser, path);
            Assert.Contains(ownName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(otherName, html, StringComparison.Ordinal);
        }

        var page = await GetPageAsync(browser, $"/deals/{otherDeal}");
        Assert.DoesNotContain(otherName, page, StringComparison.Ordinal);
        Assert.Contains("There is no deal with this id", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_into_a_description_comes_back_encoded()
    {
        var api = await app.ApiAsAdmin();
        var company = await CreateCompanyAsync(api, $"Clinica Este {Tag()}");
        var (deal, _) = await CreateDealAsync(api, company, Script);
        var browser = await SignedInBrowserAsync("Sales Manager");

        foreach (var path in new[] { "/deals", "/deals/list", $"/deals/{deal}", $"/companies/{company}" })
        {
            var html = await GetPageAsync(browser, path);
            Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_need_sign_in_and_the_new_deal_page_needs_the_capability()
    {
        Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/deals")).StatusCode);

        var engineer = await SignedInBrowserAsync("Field Service Engineer");
        var refused = await engineer.GetAsync("/deals/new");
        Assert.DoesNotContain("id=\"deal-save\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpClient> SignedInBrowserAsync(string role)
    {
        var user = await app.CreateUserAsync(roles: role);
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, user.Email!, SanusApp.Password)).StatusCode);
        return browser;
    }

    private static async Task<string> GetPageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Guid> CreateCompanyAsync(HttpClient api, string name, string kind = "end-customer")
    {
        var response = await api.PostAsJsonAsync("/api/v1/companies?confirm=true", new { name, country = "ES", website = $"https://www.c-{Guid.NewGuid():N}.example", kind });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    private static async Task LinkAsync(HttpClient api, Guid distributor, Guid customer) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = customer, type = "distributor-of" })).StatusCode);

    private static async Task<(Guid Id, string Name)> CreateDealAsync(HttpClient api, Guid company, string description)
    {
        var response = await api.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = company,
            description,
            dealClass = "care-outpatient-public",
            origin = "outreach",
            amount = 12500m,
            currency = "EUR",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deal = await response.Json();
        return (deal.GetProperty("id").GetGuid(), deal.GetProperty("name").GetString()!);
    }
}
