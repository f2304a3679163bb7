using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Security;

/// <summary>Issue 7 (security): every form post needs its antiforgery token; typed markup comes back encoded on every page that shows it.</summary>
public sealed class FormAndPageTests(SanusApp app) : IClassFixture<SanusApp>
{
    private const string Script = "<script>alert('x')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    /// <summary>
    /// Changes nothing but the sliding expiry of the caller's own session cookie; and a cross-site post carries no
    /// cookie at all (SameSite=Lax), so it can't extend a victim's session either.
    /// </summary>
    private const string KeepAlive = "/Account/KeepAlive";

    private async Task<HttpClient> SignedInBrowserAsync(string? email = null, string password = SanusApp.Password)
    {
        email ??= (await app.CreateUserAsync(roles: "Sales Manager")).Email!;
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, email, password)).StatusCode);
        return browser;
    }

    [Fact]
    public async Task Every_form_post_without_its_antiforgery_token_is_refused()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => !r.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !r.StartsWith("/_blazor", StringComparison.OrdinalIgnoreCase) && r != KeepAlive)
            .Distinct()
            .ToList();
        Assert.Contains(routes, r => r.Contains("Logout", StringComparison.Ordinal));

        // The administrator holds every capability, so no post is turned away before its token is checked.
        var browser = await SignedInBrowserAsync(Sanus.Web.DemoData.FirstRun.AdminEmail, SanusApp.AdminPassword);
        var accepted = new List<string>();
        foreach (var route in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", Guid.NewGuid().ToString());
            var response = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["Input.Email"] = "x@y.example" }));
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                accepted.Add($"POST {route} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, string.Join("\n", accepted));

        // The refused logout left the session alone.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/companies")).StatusCode);
    }

    [Fact]
    public async Task Script_and_html_typed_into_text_fields_come_back_encoded_on_every_page()
    {
        var api = await app.ApiAsAdmin();
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<Guid> Create(string path, object body)
        {
            var response = await api.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Json()).GetProperty("id").GetGuid();
        }

        var company = await Create("/api/v1/companies?confirm=true", new { name = $"Clinic {tag} {Script}", legalName = Image, country = "ES", website = $"https://{tag}.example", notes = Script + Image });
        await Create($"/api/v1/companies/{company}/sites", new { name = $"Site {Image}", country = "ES", address = Script });
        var contact = await Create("/api/v1/contacts", new { firstName = $"Ana{tag}", lastName = Image, email = $"ana.{tag}@clinic.example", jobTitle = Script, companyIds = new[] { company }, notes = Image });
        var deal = await Create("/api/v1/deals", new { companyId = company, description = $"Pilot {Image}", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 10m, currency = "EUR", contactIds = new[] { contact } });
        await Create("/api/v1/activities", new { type = "note", direction = "outbound", subject = $"Call {Script}", body = Image, companyIds = new[] { company }, contactIds = new[] { contact }, dealIds = new[] { deal } });
        await Create("/api/v1/tasks", new { title = $"Task {Script}", dueAt = app.Clock.GetUtcNow().AddDays(1), dealId = deal });

        var browser = await SignedInBrowserAsync();
        string[] pages =
        [
            "/companies", $"/companies?q={tag}", $"/companies/{company}", "/contacts", $"/contacts/{contact}", "/deals", "/deals/list",
            $"/deals/{deal}", $"/search?q={tag}", "/tasks",
        ];
        var unsafePages = new List<string>();
        var shown = 0;
        foreach (var page in pages)
        {
            var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase) || html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
            {
                unsafePages.Add(page);
            }

            if (html.Contains("&lt;script&gt;", StringComparison.Ordinal) || html.Contains("&lt;img src=x", StringComparison.Ordinal))
            {
                shown++;
            }
        }

        Assert.True(unsafePages.Count == 0, "raw markup on: " + string.Join(", ", unsafePages));
        Assert.True(shown >= 6, $"the typed markup was shown (encoded) on only {shown} pages");
    }
}
