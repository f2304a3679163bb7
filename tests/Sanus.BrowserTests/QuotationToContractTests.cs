using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanus.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sanus.BrowserTests;

/// <summary>
/// Q-2..Q-5, CON-1, DL-4, IMP-1 in the browser: a deal at Implementation Defined goes to Contract Signed through the pages:
/// quotation, approval signature, issue, acceptance, contract, our signature, the customer's signature.
/// </summary>
public sealed class QuotationToContractTests(SanusServer server) : BrowserTest(server)
{
    private const string SalesManager = "marc.dubois@sanus.example";
    private const string GeneralManager = "elena.martin@sanus.example";

    [Fact]
    public Task A_deal_goes_from_Implementation_Defined_to_Contract_Signed_through_quotation_approval_acceptance_and_both_signatures() => InBrowserAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var dealId = await CreateImplementationDefinedDealAsync(page.APIRequest, tag);

        // The Sales Manager opens the deal: it stands at Implementation Defined, the offer gates still closed.
        await SignInAsync(page, SalesManager);
        await OpenDealAsync(page, dealId);
        await Expect(CurrentStage(page)).ToHaveTextAsync("Implementation Defined");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Qualification" }).ClickAsync();
        await Expect(page.Locator("#gate-implementation-defined")).ToContainTextAsync("Reached");
        await Expect(page.Locator("#gate-offer-sent")).ToContainTextAsync("no issued quotation is recorded");

        // Quotations tab → a new equipment quotation from its template.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Quotations" }).ClickAsync();
        await Expect(page.Locator("#deal-quotations")).ToContainTextAsync("No quotation yet.");
        await page.Locator("#quotation-new").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/deals/{dealId}/quotations/new$"));
        await page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#template-equipment").ClickAsync();
        await page.Locator("#quotation-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/quotations/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Draft");

        // One line of bone cement from the catalogue, at 25% off: above the default 10% limit.
        await page.Locator("#quotation-add-line").ClickAsync();
        await ChooseAsync(page, page.Locator("#line-0-product"), "OST-CEM-40");
        await Expect(page.Locator("#line-0-unit-price")).ToHaveValueAsync(new Regex("^420"));
        await page.Locator("#line-0-discount").FillAsync("25");
        await page.Locator("#line-0-discount").PressAsync("Tab");
        await page.Locator("#quotation-save").ClickAsync();
        await Expect(page.GetByText("Quotation saved.")).ToBeVisibleAsync();
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Awaiting approval");
        await Expect(page.Locator("#quotation-discount")).ToHaveTextAsync(new Regex("^25"));
        await Expect(page.Locator("#approval-state")).ToContainTextAsync("Above the limit: needs the Sales Manager's signature");

        // Issuing before the approval is refused, and says why.
        await page.Locator("#quotation-issue").ClickAsync();
        await Expect(page.Locator("#quotation-errors")).ToContainTextAsync("approval (signature) of this revision is needed");
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Awaiting approval");

        // The Sales Manager approves with the signing dialog: password, meaning approver.
        await page.Locator("#quotation-approve").ClickAsync();
        await Expect(page.Locator("#sign-what")).ToContainTextAsync("discount 25");
        await page.Locator("#sign-password").FillAsync(SanusServer.AdminPassword);
        await page.Locator("#sign-confirm").ClickAsync();
        await Expect(page.GetByText("Quotation approved.")).ToBeVisibleAsync();
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Approved");
        await Expect(page.Locator("#approval-state")).ToContainTextAsync("Approved: the signature matches this revision");
        await Expect(page.Locator("#quotation-signatures")).ToContainTextAsync("Marc Dubois");
        await Expect(page.Locator("#quotation-approve")).ToHaveCountAsync(0);
        await Expect(page.Locator("#quotation-errors")).ToHaveCountAsync(0);
        await SanusServer.ScreenshotAsync(page, "quotation-approved");

        // Issue: the revision is frozen and has its PDF.
        await page.Locator("#quotation-issue").ClickAsync();
        await Expect(page.GetByText("Quotation issued.")).ToBeVisibleAsync();
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Issued");
        await Expect(page.Locator("#quotation-frozen")).ToContainTextAsync("this revision is frozen");
        await Expect(page.Locator("#quotation-pdf")).ToBeVisibleAsync();
        await Expect(page.Locator("#quotation-save")).ToHaveCountAsync(0);
        await SanusServer.ScreenshotAsync(page, "quotation-issued");
        var quotationUrl = page.Url;

        // The deal followed to Offer Sent.
        await OpenDealAsync(page, dealId);
        await Expect(CurrentStage(page)).ToHaveTextAsync("Offer Sent");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Quotations" }).ClickAsync();
        await Expect(page.Locator("[data-test=quotation-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=quotation-row]")).ToContainTextAsync("Issued");

        // The customer's acceptance, recorded on the quotation: the one contact of the deal is proposed.
        await GotoInteractiveAsync(page, quotationUrl);
        await page.Locator("#quotation-accept").ClickAsync();
        await page.Locator("#decision-note").FillAsync("Accepted by email after the board meeting");
        await page.Locator("#decision-confirm").ClickAsync();
        await Expect(page.GetByText("Acceptance recorded.")).ToBeVisibleAsync();
        await Expect(page.Locator("#quotation-status")).ToHaveTextAsync("Accepted");
        await Expect(page.Locator("#quotation-decision")).ToContainTextAsync("Accepted on");
        await Expect(page.Locator("#quotation-decision")).ToContainTextAsync($"Carmen Ortega{tag}");

        // The deal is at Offer Approved; its Contract tab drafts the contract from the accepted quotation.
        await OpenDealAsync(page, dealId);
        await Expect(CurrentStage(page)).ToHaveTextAsync("Offer Approved");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Qualification" }).ClickAsync();
        await Expect(page.Locator("#gate-offer-approved")).ToContainTextAsync("Reached");
        await Expect(page.Locator("#gate-contract-signed")).ToContainTextAsync("no signed contract is recorded");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Contract" }).ClickAsync();
        await Expect(page.Locator("#contract-create")).ToContainTextAsync("revision 1");
        await page.Locator("#contract-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contracts/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#contract-status")).ToHaveTextAsync("Draft");
        var contractUrl = page.Url;

        // The Sales Manager may not sign for the company: no button for them.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Signatures" }).ClickAsync();
        await Expect(page.Locator("#customer-signature-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#contract-sign")).ToHaveCountAsync(0);

        // The General Manager signs for the company with the signing dialog.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, GeneralManager);
        await GotoInteractiveAsync(page, contractUrl);
        await Expect(page.Locator("#contract-status")).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Signatures" }).ClickAsync();
        await page.Locator("#contract-sign").ClickAsync();
        await Expect(page.Locator("#sign-what")).ToContainTextAsync("for the company");
        await page.Locator("#sign-password").FillAsync(SanusServer.AdminPassword);
        await page.Locator("#sign-confirm").ClickAsync();
        await Expect(page.GetByText("Signed for the company.")).ToBeVisibleAsync();
        await Expect(page.Locator("#contract-our-signatures")).ToContainTextAsync("Elena Martín");
        await Expect(page.Locator("#contract-status")).ToHaveTextAsync("Draft");

        // The customer's signature: who signed, when, and the signed copy they sent back.
        await page.Locator("#customer-signatory").FillAsync($"Dr. Carmen Ortega{tag}");
        await page.Locator("#customer-file").SetInputFilesAsync(new FilePayload
        {
            Name = "contract-signed.pdf",
            MimeType = "application/pdf",
            Buffer = SmallPdf(),
        });
        await Expect(page.Locator("#customer-file-name")).ToContainTextAsync("contract-signed.pdf");
        await page.Locator("#customer-record").ClickAsync();
        await Expect(page.GetByText("The customer's signature is recorded.")).ToBeVisibleAsync();
        await Expect(page.Locator("#contract-status")).ToHaveTextAsync("Signed");
        await Expect(page.Locator("[data-test=customer-signatory]")).ToHaveTextAsync($"Dr. Carmen Ortega{tag}");
        await Expect(page.Locator("#contract-customer-signature")).ToContainTextAsync("contract-signed.pdf");
        await Expect(page.Locator("#contract-date")).ToBeVisibleAsync();
        await SanusServer.ScreenshotAsync(page, "contract-signed");

        // The deal is at Contract Signed, and its implementation plan's progress shows on it.
        await OpenDealAsync(page, dealId);
        await Expect(CurrentStage(page)).ToHaveTextAsync("Contract Signed");
        await Expect(page.Locator("#implementation-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("#implementation-progress-summary")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Qualification" }).ClickAsync();
        await Expect(page.Locator("#gate-contract-signed")).ToContainTextAsync("Reached");
        await Expect(page.Locator("#gate-payment-done")).ToContainTextAsync("Payment Done needs the payment recorded");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Contract" }).ClickAsync();
        await Expect(page.Locator("[data-test=contract-status]")).ToHaveTextAsync("Signed");
        await Expect(page.Locator("#contract-create")).ToHaveCountAsync(0);
        await SanusServer.ScreenshotAsync(page, "deal-contract-signed");
    });

    private static ILocator CurrentStage(IPage page) => page.Locator("#deal-stage [aria-current='step']");

    private static async Task OpenDealAsync(IPage page, Guid dealId)
    {
        await GotoInteractiveAsync(page, $"/deals/{dealId}");
        await Expect(page.Locator("#deal-name")).ToBeVisibleAsync();
    }

    /// <summary>Opens a MudSelect and picks the item whose text contains <paramref name="text"/>.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string text)
    {
        await select.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>A one-page PDF, enough for the signed copy: the rule checks it is there, not what it says.</summary>
    private static byte[] SmallPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>
    /// What is not the point of the test, through the API with an access token (ACC-4): a company, its contact, and a deal
    /// with three BANT criteria and the implementation fields, moved stage by stage to Implementation Defined.
    /// </summary>
    private static async Task<Guid> CreateImplementationDefinedDealAsync(IAPIRequestContext api, string tag)
    {
        var token = await PostAsync(api, "/api/v1/auth/token", new { email = SanusServer.AdminEmail, password = SanusServer.AdminPassword }, null);
        var bearer = token.GetProperty("token").GetString()!;
        var company = await PostAsync(api, "/api/v1/companies?confirm=true", new { name = $"Hospital Ribera {tag}", country = "ES", website = $"https://www.ribera-{tag}.example" }, bearer);
        var companyId = company.GetProperty("id").GetGuid();
        var contact = await PostAsync(api, "/api/v1/contacts?confirm=true", new
        {
            firstName = "Carmen",
            lastName = $"Ortega{tag}",
            email = $"carmen.ortega@ribera-{tag}.example",
            jobTitle = "Head of Orthopaedics",
            companyIds = new[] { companyId },
        }, bearer);
        var deal = await PostAsync(api, "/api/v1/deals", new
        {
            companyId,
            description = "Knee programme",
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            amount = 48000m,
            currency = "EUR",
            expectedCloseDate = "2026-12-31",
            contactIds = new[] { contact.GetProperty("id").GetGuid() },
            budgetConfirmed = true,
            budgetNote = "€50k approved in the 2026 budget",
            authorityConfirmed = true,
            authorityNote = "The head of orthopaedics signs",
            needConfirmed = true,
            needNote = "40 knee replacements a month",
            implementationMethod = "Device delivery with on-site training",
            successMetrics = "Theatre time per procedure",
            pricingBasis = "Per unit",
            pricingFigures = "€390 per box of cement",
            implementationTimeline = "First delivery within 4 weeks of signature",
        }, bearer);
        var id = deal.GetProperty("id").GetGuid();
        foreach (var stage in new[] { "Qualified", "Discovered", "Implementation Defined" })
        {
            await PostAsync(api, $"/api/v1/deals/{id}/move", new { stage }, bearer);
        }

        return id;
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
