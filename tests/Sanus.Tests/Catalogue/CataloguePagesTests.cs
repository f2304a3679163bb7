using System.Net;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Catalogue.CatalogueClient;

namespace Sanus.Tests.Catalogue;

/// <summary>Q-1 pages, signed in through the cookie form as a browser is; the pages pre-render on the server, so the first HTML holds the data.</summary>
public sealed class CataloguePagesTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task The_catalogue_product_and_price_list_pages_show_the_product_and_its_tiers()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var product = await CreateProductAsync(api, $"OST-KNEE-{tag}", $"Osteon Knee {tag}");
        await AddOptionAsync(api, product, "T3", "Size 3");
        var listName = $"Direct EUR {tag}";
        var list = await CreateListAsync(api, "direct", "EUR", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), name: listName);
        await SetEntriesAsync(api, list, Tier(product, 1, 3900m), Tier(product, 20, 3650m));
        var browser = await SignedInBrowserAsync("Business Development");

        var catalogue = await GetPageAsync(browser, "/catalogue");
        Assert.Contains($"Osteon Knee {tag}", catalogue, StringComparison.Ordinal);
        Assert.Contains($"catalogue/products/{product.GetProperty("id").GetGuid()}", catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-product\"", catalogue, StringComparison.Ordinal);

        var page = await GetPageAsync(browser, $"/catalogue/products/{product.GetProperty("id").GetGuid()}");
        Assert.Contains($"OST-KNEE-{tag}", page, StringComparison.Ordinal);
        Assert.Contains("Size 3", page, StringComparison.Ordinal);
        Assert.Contains(listName, page, StringComparison.Ordinal);
        Assert.Contains("3,650.00 EUR", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"product-save\"", page, StringComparison.Ordinal);

        Assert.Contains(listName, await GetPageAsync(browser, "/catalogue/price-lists"), StringComparison.Ordinal);
        var listPage = await GetPageAsync(browser, $"/catalogue/price-lists/{list}");
        Assert.Contains($"OST-KNEE-{tag}", listPage, StringComparison.Ordinal);
        Assert.Contains("3,900.00 EUR", listPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pricing_manager_gets_the_forms_and_others_do_not()
    {
        var manager = await SignedInBrowserAsync("Sales Manager");
        Assert.Contains("id=\"new-product\"", await GetPageAsync(manager, "/catalogue"), StringComparison.Ordinal);
        Assert.Contains("id=\"product-save\"", await GetPageAsync(manager, "/catalogue/new"), StringComparison.Ordinal);
        Assert.Contains("id=\"import-run\"", await GetPageAsync(manager, "/catalogue/import"), StringComparison.Ordinal);
        Assert.Contains("id=\"list-save\"", await GetPageAsync(manager, "/catalogue/price-lists/new"), StringComparison.Ordinal);

        var seller = await SignedInBrowserAsync("Business Development");
        var refused = await seller.GetAsync("/catalogue/new");
        Assert.DoesNotContain("id=\"product-save\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/catalogue")).StatusCode);
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
