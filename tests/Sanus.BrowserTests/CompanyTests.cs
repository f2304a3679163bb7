using Microsoft.Playwright;
using Sanus.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sanus.BrowserTests;

/// <summary>CO-2, CO-5, UX-4 in the browser: a refusal names the field and keeps what was typed; a duplicate offers the existing company.</summary>
public sealed class CompanyTests(SanusServer server) : BrowserTest(server)
{
    [Fact]
    public Task Missing_website_then_duplicate_domain_leads_to_the_existing_company() => InBrowserAsync(async page =>
    {
        await SignInAsync(page);
        await GotoInteractiveAsync(page, "/companies/new");
        await page.Locator("#company-name").FillAsync("Iberia Orthopaedics Madrid");
        await page.Locator("#company-country").FillAsync("ES");
        await page.Locator("#company-save").ClickAsync();

        // The refusal sits by the website field, and the other values are still there.
        await Expect(page.GetByText("Enter the company's website")).ToBeVisibleAsync();
        await Expect(page.Locator("#company-name")).ToHaveValueAsync("Iberia Orthopaedics Madrid");
        await Expect(page.Locator("#company-country")).ToHaveValueAsync("ES");
        await SanusServer.ScreenshotAsync(page, "company-missing-website");

        // The demo distributor Iberia Ortho Distribución already uses this domain.
        await page.Locator("#company-website").FillAsync("https://www.iberia-ortho.example/madrid");
        await page.Locator("#company-save").ClickAsync();
        await Expect(page.GetByText("Iberia Ortho Distribución")).ToBeVisibleAsync();
        await SanusServer.ScreenshotAsync(page, "company-duplicate-warning");

        await page.Locator("#open-existing-0").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/companies/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Iberia Ortho Distribución" })).ToBeVisibleAsync();
    });
}
