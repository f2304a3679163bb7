using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Inquiries.InquiryArrange;

namespace Sanus.Tests.Inquiries;

/// <summary>INQ-1, INQ-2 pages, signed in through the cookie form: the steps as a timeline, only the buttons whose turn it is, the deal's Questions tab.</summary>
public sealed class InquiryPagesTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task The_inquiry_page_shows_the_steps_and_only_the_actions_of_whose_turn_it_is()
    {
        var a = await CreateAsync(app);
        var question = "Does it read cone-beam CT " + Guid.NewGuid().ToString("N")[..6] + "?";
        var id = await a.QuestionAsync(question);
        await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "Agfa PACS <b>site</b>" }));
        var (pmUser, ownerUser) = await app.WithDb(async db => (
            (await db.Users.FindAsync(a.PmId))!.Email!, (await db.Users.FindAsync(a.OwnerId))!.Email!));

        var pm = await BrowserAsync(pmUser);
        var page = await GetPageAsync(pm, $"/inquiries/{id}");
        Assert.Contains(question, page, StringComparison.Ordinal);
        Assert.Contains("id=\"inquiry-steps\"", page, StringComparison.Ordinal);
        Assert.Contains("Escalated", page, StringComparison.Ordinal);
        Assert.Contains("Agfa PACS &lt;b&gt;site&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("id=\"inquiry-propose\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"inquiry-consult\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"inquiry-answer\"", page, StringComparison.Ordinal);
        Assert.Contains(question, await GetPageAsync(pm, "/inquiries?mine=true"), StringComparison.Ordinal);

        var owner = await BrowserAsync(ownerUser);
        var ownerView = await GetPageAsync(owner, $"/inquiries/{id}");
        Assert.DoesNotContain("id=\"inquiry-propose\"", ownerView, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"inquiry-send\"", ownerView, StringComparison.Ordinal);
        Assert.Contains("id=\"inquiry-no-actions\"", ownerView, StringComparison.Ordinal);
        var dealPage = await GetPageAsync(owner, $"/deals/{a.Deal}");
        Assert.Contains("Questions", dealPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"inquiries/{id}\"", dealPage, StringComparison.Ordinal);
        Assert.Contains("id=\"deal-question-log\"", dealPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_and_requirement_pages_show_what_triage_raised()
    {
        var a = await CreateAsync(app);
        var device = "Trauma plate " + Guid.NewGuid().ToString("N")[..6];
        var complaint = (await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{await a.PostSalesAsync()}/triage", new
        {
            outcome = "complaint",
            complaint = new { device, lot = "LOT42", awareAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), description = "Discoloured screws.", patientHarmed = "no" },
        }))).GetProperty("complaintId").GetGuid();
        var title = "KL grade " + Guid.NewGuid().ToString("N")[..6];
        var requirement = (await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{await a.PostSalesAsync()}/triage", new
        {
            outcome = "requirement",
            requirement = new { title, description = "Show the Kellgren-Lawrence grade." },
        }))).GetProperty("productRequirementId").GetGuid();
        var browser = await BrowserAsync((await app.CreateUserAsync(roles: "Quality Manager & PRRC")).Email!);

        var complaintPage = await GetPageAsync(browser, $"/complaints/{complaint}");
        Assert.Contains(device, complaintPage, StringComparison.Ordinal);
        Assert.Contains("LOT42", complaintPage, StringComparison.Ordinal);
        Assert.Contains("Awaiting quality review", complaintPage, StringComparison.Ordinal);
        Assert.Contains(a.ContactName, complaintPage, StringComparison.Ordinal);
        Assert.Contains(device, await GetPageAsync(browser, "/complaints"), StringComparison.Ordinal);
        Assert.Contains(title, await GetPageAsync(browser, $"/product-requirements/{requirement}"), StringComparison.Ordinal);
        Assert.Contains(title, await GetPageAsync(browser, "/product-requirements"), StringComparison.Ordinal);
        Assert.Contains("There is no complaint with this id", await GetPageAsync(browser, $"/complaints/{Guid.NewGuid()}"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, email, SanusApp.Password)).StatusCode);
        return browser;
    }

    private static async Task<string> GetPageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
