using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Companies;

/// <summary>
/// CO-1..CO-3, CT-1, UX-1, UX-4: the company and contact pages, signed in through the cookie form as a browser is.
/// The pages pre-render on the server, so the first HTML already holds the record; typed markup comes back encoded.
/// </summary>
public sealed class CompanyPagesTests(SanusApp app) : IClassFixture<SanusApp>
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task Company_list_and_record_page_show_the_company()
    {
        var api = await app.ApiAsAdmin();
        var tag = Tag();
        var company = await CreateCompanyAsync(api, $"Clinica Norte {tag}", $"www.clinica-{tag}.example");
        var partner = await CreateCompanyAsync(api, $"Iberia Ortho {tag}");
        var link = await api.PostAsJsonAsync($"/api/v1/companies/{partner}/relationships", new { toCompanyId = company, type = "distributor-of" });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var browser = await SignedInBrowserAsync("Sales Manager");

        var list = await GetPageAsync(browser, "/companies");
        Assert.Contains($"Clinica Norte {tag}", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"companies/{company}\"", list, StringComparison.Ordinal);

        var page = await GetPageAsync(browser, $"/companies/{company}");
        Assert.Contains($"Clinica Norte {tag}", page, StringComparison.Ordinal);
        Assert.Contains($"https://clinica-{tag}.example", page, StringComparison.Ordinal);
        Assert.Contains("id=\"company-save\"", page, StringComparison.Ordinal);

        // The Relationships tab draws the graph: the related company is a clickable node with the type as the arrow's label.
        Assert.Contains("id=\"relationship-graph\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"companies/{partner}\"", page, StringComparison.Ordinal);
        Assert.Contains("distributor of", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_list_and_record_page_show_the_contact_with_its_company()
    {
        var api = await app.ApiAsAdmin();
        var tag = Tag();
        var company = await CreateCompanyAsync(api, $"Hospital Sur {tag}");
        var contact = await CreateContactAsync(api, company, "Ana", $"Lopez{tag}");
        var browser = await SignedInBrowserAsync("Sales Manager");

        var list = await GetPageAsync(browser, "/contacts");
        Assert.Contains($"Lopez{tag}", list, StringComparison.Ordinal);

        var page = await GetPageAsync(browser, $"/contacts/{contact}");
        Assert.Contains($"Ana Lopez{tag}", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"companies/{company}\"", page, StringComparison.Ordinal);
        Assert.Contains("Marketing Qualified Lead", page, StringComparison.Ordinal);

        // The company's Contacts tab lists the person and offers a new contact pre-filled with the company.
        var companyPage = await GetPageAsync(browser, $"/companies/{company}");
        Assert.Contains($"href=\"contacts/{contact}\"", companyPage, StringComparison.Ordinal);
        Assert.Contains($"contacts/new?companyId={company}", companyPage, StringComparison.Ordinal);
        var newContact = await GetPageAsync(browser, $"/contacts/new?companyId={company}");
        Assert.Contains($"Hospital Sur {tag}", newContact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_into_names_comes_back_encoded()
    {
        var api = await app.ApiAsAdmin();
        var tag = Tag();
        var company = await CreateCompanyAsync(api, $"{Script} Clinic {tag}");
        var contact = await CreateContactAsync(api, company, Script, $"Smith{tag}");
        var browser = await SignedInBrowserAsync("Sales Manager");

        foreach (var path in new[] { "/companies", $"/companies/{company}", "/contacts", $"/contacts/{contact}" })
        {
            var html = await GetPageAsync(browser, path);
            Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_pages_name_their_inputs_and_need_the_capability()
    {
        var editor = await SignedInBrowserAsync("Sales Development Representative");
        var form = await GetPageAsync(editor, "/companies/new");
        foreach (var id in new[] { "company-name", "company-country", "company-website", "company-save" })
        {
            Assert.Contains($"id=\"{id}\"", form, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"contact-email\"", await GetPageAsync(editor, "/contacts/new"), StringComparison.Ordinal);

        // A role without companies.edit does not get the form (ACC-2).
        var engineer = await SignedInBrowserAsync("Field Service Engineer");
        var refused = await engineer.GetAsync("/companies/new");
        Assert.DoesNotContain("id=\"company-save\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_sign_in_and_a_company_out_of_scope_looks_missing()
    {
        var api = await app.ApiAsAdmin();
        var tag = Tag();
        var hidden = await CreateCompanyAsync(api, $"Hidden Clinic {tag}");
        var distributor = await CreateCompanyAsync(api, $"Distribuidora {tag}");

        var anonymous = await app.Anonymous().GetAsync($"/companies/{hidden}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, partner.Email!, SanusApp.Password)).StatusCode);
        var page = await GetPageAsync(browser, $"/companies/{hidden}");
        Assert.DoesNotContain($"Hidden Clinic {tag}", page, StringComparison.Ordinal);
        Assert.Contains("There is no company with this id", page, StringComparison.Ordinal);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpClient> SignedInBrowserAsync(string role)
    {
        var user = await app.CreateUserAsync(roles: role);
        var browser = app.Anonymous();
        var signIn = await WebSignIn.PostAsync(browser, user.Email!, SanusApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    private static async Task<string> GetPageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Guid> CreateCompanyAsync(HttpClient api, string name, string? website = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/companies?confirm=true", new { name, country = "ES", website = website ?? $"https://www.c-{Guid.NewGuid():N}.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CreateContactAsync(HttpClient api, Guid company, string firstName, string lastName)
    {
        var response = await api.PostAsJsonAsync("/api/v1/contacts?confirm=true", new
        {
            firstName,
            lastName,
            email = $"{Guid.NewGuid():N}@hospital.example",
            jobTitle = "Head of Orthopaedic Surgery",
            companyIds = new[] { company },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }
}
