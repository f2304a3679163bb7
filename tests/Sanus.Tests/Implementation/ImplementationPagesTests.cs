using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Implementation;

/// <summary>IMP-1, IMP-2 pages, signed in through the cookie form as a browser is; the pages pre-render on the server.</summary>
public sealed class ImplementationPagesTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task The_plan_page_the_deal_page_and_the_training_pages_show_progress_and_results()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin, contractDate: new DateOnly(2026, 2, 14));
        var session = await TrainingTests.CreateSessionAsync(admin, new { kind = "individual", title = "Planning basics for surgeons", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, planIds = new[] { arranged.Plan } });
        var passing = arranged.Contact;
        var failing = await PlanArranged.ContactAsync(admin, arranged.Company, "Luis");
        foreach (var (contact, score) in new[] { (passing, 85), (failing, 60) })
        {
            await TrainingTests.AddAttendeeAsync(admin, session, contact);
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/trainings/{session}/attendees/{contact}/assessment", new { score })).StatusCode);
        }

        var browser = await SignedInBrowserAsync("Sales Manager");

        var plan = await GetPageAsync(browser, $"/implementation-plans/{arranged.Plan}");
        Assert.Contains($"R-009-001 {arranged.CompanyName} 20260214", plan, StringComparison.Ordinal);
        Assert.Contains("2 of 7 done", plan, StringComparison.Ordinal);
        Assert.Contains("id=\"check-training\"", plan, StringComparison.Ordinal);
        Assert.Contains("Planning basics for surgeons", plan, StringComparison.Ordinal);
        Assert.Contains("Not signed by us", plan, StringComparison.Ordinal);
        Assert.Contains("id=\"plan-sign\"", plan, StringComparison.Ordinal);

        var deal = await GetPageAsync(browser, $"/deals/{arranged.Deal}");
        Assert.Contains("id=\"implementation-progress\"", deal, StringComparison.Ordinal);
        Assert.Contains("2 of 7 done", deal, StringComparison.Ordinal);
        Assert.Contains($"href=\"implementation-plans/{arranged.Plan}\"", deal, StringComparison.Ordinal);

        var list = await GetPageAsync(browser, "/trainings");
        Assert.Contains($"href=\"trainings/{session}\"", list, StringComparison.Ordinal);

        var page = await GetPageAsync(browser, $"/trainings/{session}");
        Assert.Contains("Ana Ruiz", page, StringComparison.Ordinal);
        Assert.Contains("result-passed", page, StringComparison.Ordinal);
        Assert.Contains("result-failed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partners_user_sees_no_plan_and_no_progress()
    {
        var admin = await app.ApiAsAdmin();
        var distributor = await PlanArranged.CompanyAsync(admin, $"Iberia Ortho {Guid.NewGuid():N}", "distributor");
        var otherDistributor = await PlanArranged.CompanyAsync(admin, $"Levante Med {Guid.NewGuid():N}", "distributor");
        var others = await PlanArranged.CreateAsync(app, admin, otherDistributor);
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, partner.Email!, SanusApp.Password)).StatusCode);

        var page = await GetPageAsync(browser, $"/implementation-plans/{others.Plan}");
        Assert.Contains("There is no implementation plan with this id", page, StringComparison.Ordinal);
        Assert.DoesNotContain(others.CompanyName, page, StringComparison.Ordinal);
    }

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
}
