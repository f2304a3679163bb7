using System.Net;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Contracts;

/// <summary>CON-1 pages, rendered on the server as a signed-in browser receives them: the deal's Contract tab and the contract page.</summary>
public sealed class ContractPagesTests(SanusApp app) : IClassFixture<SanusApp>
{
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

    [Fact]
    public async Task Deal_page_offers_a_contract_from_the_accepted_quotation_and_links_the_drafted_one()
    {
        var a = await ContractArrange.CreateAsync(app);
        var manager = await SignedInBrowserAsync("General Manager");

        var before = await GetPageAsync(manager, $"/deals/{a.Deal}");
        Assert.Contains("id=\"contract-create\"", before, StringComparison.Ordinal);
        Assert.Contains($"Draft contract from {a.QuotationNumber} revision 1", before, StringComparison.Ordinal);

        var contract = await a.CreateContractAsync();
        var number = contract.GetProperty("number").GetString()!;
        var after = await GetPageAsync(manager, $"/deals/{a.Deal}");
        Assert.Contains($"href=\"contracts/{contract.GetProperty("id").GetGuid()}\"", after, StringComparison.Ordinal);
        Assert.Contains(number, after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"contract-create\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contract_page_flags_the_declaration_and_offers_our_signature_only_to_the_general_manager()
    {
        var a = await ContractArrange.CreateAsync(app);
        var contract = await a.CreateContractAsync();
        var id = contract.GetProperty("id").GetGuid();

        var manager = await GetPageAsync(await SignedInBrowserAsync("General Manager"), $"/contracts/{id}");
        var accountManager = await GetPageAsync(await SignedInBrowserAsync("Account Manager"), $"/contracts/{id}");

        Assert.Contains(contract.GetProperty("number").GetString()!, manager, StringComparison.Ordinal);
        Assert.Contains("id=\"clause-required-flag\"", manager, StringComparison.Ordinal);
        Assert.Contains("The Customer declares that it is a healthcare provider", manager, StringComparison.Ordinal);
        Assert.Contains("id=\"contract-sign\"", manager, StringComparison.Ordinal);
        Assert.Contains("id=\"customer-record\"", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"contract-sign\"", accountManager, StringComparison.Ordinal);
        Assert.Contains("id=\"customer-record\"", accountManager, StringComparison.Ordinal);
    }
}
