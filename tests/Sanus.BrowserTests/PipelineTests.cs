using System.Text.Json;
using Microsoft.Playwright;
using Sanus.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sanus.BrowserTests;

/// <summary>DL-4, DL-8, UX-1, UX-4 in the browser: a deal dragged past a closed gate stays put and says why on its card; once the fact is recorded the same drag moves it.</summary>
public sealed class PipelineTests(SanusServer server) : BrowserTest(server)
{
    [Fact]
    public Task Drag_to_Discovered_is_refused_on_the_card_until_a_third_BANT_criterion_is_confirmed() => InBrowserAsync(async page =>
    {
        await SignInAsync(page);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (dealId, dealName, companyId) = await CreateQualifiedDealAsync(page.APIRequest, tag);

        // The board, narrowed to this deal's company by the text filter (it runs on the server).
        await OpenBoardAsync(page, tag);
        var card = page.Locator($"#card-{dealId}");
        await Expect(page.Locator($"#column-qualified #card-{dealId}")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(dealName);

        // Only Budget and Need are confirmed: the move is refused, and the card says which criteria are missing.
        await card.DragToAsync(page.Locator("#column-discovered"));
        var refusal = page.Locator($"#refusal-{dealId}");
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToContainTextAsync("2 confirmed");
        await Expect(refusal).ToContainTextAsync("Authority");
        await Expect(refusal).ToContainTextAsync("Timeline");
        await Expect(page.Locator($"#column-qualified #card-{dealId}")).ToBeVisibleAsync();
        await Expect(page.Locator("#count-discovered")).ToHaveTextAsync("0");
        await SanusServer.ScreenshotAsync(page, "board-refusal");

        // Confirm Authority with a note on the deal's Qualification tab.
        await card.Locator("a.deal-card-name").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/deals/{dealId}$"));
        await Expect(page.Locator("#deal-name")).ToHaveTextAsync(dealName);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Qualification" }).ClickAsync();
        await Expect(page.Locator("#bant-hint")).ToContainTextAsync("3 of 4 needed to enter Discovered");
        await page.GetByLabel("Authority", new() { Exact = true }).CheckAsync();
        await page.Locator("#bant-authority-note").FillAsync("The CMO signs, confirmed in the call of 3 March");
        await page.Locator("#deal-save-qualification").ClickAsync();
        await Expect(page.GetByText("Deal saved.")).ToBeVisibleAsync();
        await Expect(page.Locator("#gate-discovered")).ToContainTextAsync("Facts recorded");
        await SanusServer.ScreenshotAsync(page, "deal-qualification");

        // Back on the board the same drag moves the deal, and the headers follow.
        await OpenBoardAsync(page, tag);
        await page.Locator($"#card-{dealId}").DragToAsync(page.Locator("#column-discovered"));
        await Expect(page.Locator($"#column-discovered #card-{dealId}")).ToBeVisibleAsync();
        await Expect(page.Locator($"#refusal-{dealId}")).ToHaveCountAsync(0);
        await Expect(page.Locator("#count-discovered")).ToHaveTextAsync("1");
        await Expect(page.Locator("#count-qualified")).ToHaveTextAsync("0");
        await SanusServer.ScreenshotAsync(page, "board");

        // On a phone the board scrolls sideways inside itself; the page does not.
        await page.SetViewportSizeAsync(390, 844);
        await OpenBoardAsync(page, tag);
        await SanusServer.ScreenshotAsync(page, "board-phone");
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 390 + 1, $"The board page scrolls sideways on a phone: scrollWidth {pageWidth} > 390.");
        var boardScrolls = await page.EvaluateAsync<bool>("(() => { const b = document.getElementById('deal-board'); return b.scrollWidth > b.clientWidth; })()");
        Assert.True(boardScrolls, "The board should scroll sideways inside itself on a phone.");

        // A new deal from the company: the name is shown as the system will build it (DL-3) while the person types.
        await page.SetViewportSizeAsync(1280, 800);
        await GotoInteractiveAsync(page, $"/deals/new?companyId={companyId}");
        await page.Locator("#deal-description").FillAsync("Pilot");
        await Expect(page.Locator("#deal-name-preview")).ToHaveValueAsync($"ES Clínica Levante {tag} Pilot");
        await SanusServer.ScreenshotAsync(page, "deal-new");
    });

    private static async Task OpenBoardAsync(IPage page, string tag)
    {
        await GotoInteractiveAsync(page, "/deals");
        await page.Locator("#deal-search").FillAsync(tag);
        await Expect(page.Locator("#column-prospected")).ToBeVisibleAsync();
        await Expect(page.Locator(".deal-card")).ToHaveCountAsync(1);
    }

    /// <summary>A company and a deal at Qualified with Budget and Need confirmed, each with a note, through the API with an access token (ACC-4).</summary>
    private static async Task<(Guid Id, string Name, Guid CompanyId)> CreateQualifiedDealAsync(IAPIRequestContext api, string tag)
    {
        var token = await PostAsync(api, "/api/v1/auth/token", new { email = SanusServer.AdminEmail, password = SanusServer.AdminPassword }, null);
        var bearer = token.GetProperty("token").GetString()!;
        var company = await PostAsync(api, "/api/v1/companies?confirm=true", new { name = $"Clínica Levante {tag}", country = "ES", website = $"https://www.levante-{tag}.example" }, bearer);
        var deal = await PostAsync(api, "/api/v1/deals", new
        {
            companyId = company.GetProperty("id").GetGuid(),
            description = "Proof of Concept",
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            amount = 48000m,
            currency = "EUR",
            expectedCloseDate = "2026-11-30",
            budgetConfirmed = true,
            budgetNote = "€50k approved in the 2026 budget",
            needConfirmed = true,
            needNote = "Backlog of 400 scans a month",
        }, bearer);
        var id = deal.GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/v1/deals/{id}/move", new { stage = "Qualified" }, bearer);
        return (id, deal.GetProperty("name").GetString()!, company.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string path, object body, string? bearer)
    {
        var response = await api.PostAsync(path, new()
        {
            DataObject = body,
            Headers = bearer is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearer },
        });
        Assert.True(response.Ok, $"POST {path}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }
}
