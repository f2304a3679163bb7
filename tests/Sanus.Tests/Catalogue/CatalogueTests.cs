using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Catalogue;
using static Sanus.Tests.Catalogue.CatalogueClient;

namespace Sanus.Tests.Catalogue;

/// <summary>
/// Q-1: products with SKU, GTIN and options; price lists per channel and currency with validity and quantity tiers; the price a
/// quotation line gets. Each test prices in its own currency so that the lists of other tests never apply.
/// </summary>
public sealed class CatalogueTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData("4006381333931", "04006381333931")]
    [InlineData("96385074", "00000096385074")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("0 4006381 33393 1", "04006381333931")]
    [InlineData("10614141000415", "10614141000415")]
    public void A_gtin_of_8_12_13_or_14_digits_becomes_a_gtin_14(string typed, string stored)
    {
        Assert.True(Gtin.TryNormalise(typed, out var gtin14, out var error), error);
        Assert.Equal(stored, gtin14);
    }

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("400638133393")]
    [InlineData("40063813339AB")]
    [InlineData("")]
    public void A_gtin_with_a_wrong_check_digit_or_length_is_refused(string typed)
    {
        Assert.False(Gtin.TryNormalise(typed, out var gtin14, out var error));
        Assert.Equal("", gtin14);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task A_product_keeps_its_gtin_as_gtin_14_and_a_wrong_check_digit_is_named_on_the_field()
    {
        var api = await SalesManagerAsync(app);
        var gtin = NewGtin13();
        var product = await CreateProductAsync(api, $"OST-KNEE-{Tag()}", gtin: gtin);
        Assert.Equal("0" + gtin, product.GetProperty("gtin").GetString());

        var wrong = gtin[..12] + (char)('0' + ((gtin[12] - '0' + 1) % 10));
        var refused = await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = $"OST-HIP-{Tag()}", name = "Hip stem", kind = "device-model", unit = "each", gtin = wrong });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("check digit", (await refused.Json()).GetProperty("errors").GetProperty("gtin")[0].GetString(), StringComparison.Ordinal);

        var twice = await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = $"OST-HIP-{Tag()}", name = "Hip stem", kind = "device-model", unit = "each", gtin = "0" + gtin });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.True((await twice.Json()).GetProperty("errors").TryGetProperty("gtin", out _));
    }

    [Fact]
    public async Task A_sku_is_unique_whatever_its_case_and_required_fields_are_named()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var product = await CreateProductAsync(api, $"ost-cement-{tag.ToLowerInvariant()}", "Bone cement", "consumable", "box");
        Assert.Equal($"OST-CEMENT-{tag}", product.GetProperty("sku").GetString());

        var again = await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = $"Ost-Cement-{tag}", name = "Bone cement 2", kind = "consumable", unit = "box" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already used", (await again.Json()).GetProperty("errors").GetProperty("sku")[0].GetString(), StringComparison.Ordinal);

        var empty = await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = "", kind = "gadget" });
        var errors = (await empty.Json()).GetProperty("errors");
        foreach (var field in new[] { "sku", "name", "kind", "unit" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task The_newest_list_of_the_channel_and_currency_valid_on_the_day_applies()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-SCREW-{Tag()}", "Bone screw", "consumable", "box");
        var standing = await CreateListAsync(api, "direct", "CHF", Today.AddDays(-30), name: $"Direct CHF {Tag()}");
        var expired = await CreateListAsync(api, "direct", "CHF", Today.AddDays(-10), Today.AddDays(-1));
        var future = await CreateListAsync(api, "direct", "CHF", Today.AddDays(1));
        var distributor = await CreateListAsync(api, "distributor", "CHF", Today.AddDays(-5));
        var otherCurrency = await CreateListAsync(api, "direct", "SEK", Today.AddDays(-5));
        await SetEntriesAsync(api, standing, Tier(product, 1, 100m));
        await SetEntriesAsync(api, expired, Tier(product, 1, 90m));
        await SetEntriesAsync(api, future, Tier(product, 1, 110m));
        await SetEntriesAsync(api, distributor, Tier(product, 1, 70m));
        await SetEntriesAsync(api, otherCurrency, Tier(product, 1, 1000m));

        // The list that expired yesterday is newer, but no longer applies; the one starting tomorrow does not yet.
        var today = await PricedAsync(api, product, "direct", "CHF", 1);
        Assert.Equal(100m, today.UnitPrice);
        Assert.StartsWith("Direct CHF", today.List, StringComparison.Ordinal);
        Assert.Equal(90m, (await PricedAsync(api, product, "direct", "CHF", 1, Today.AddDays(-1))).UnitPrice);
        Assert.Equal(110m, (await PricedAsync(api, product, "direct", "CHF", 1, Today.AddDays(1))).UnitPrice);
        Assert.Equal(70m, (await PricedAsync(api, product, "distributor", "CHF", 1)).UnitPrice);
        Assert.Equal(1000m, (await PricedAsync(api, product, "direct", "sek", 1)).UnitPrice);

        // Archived lists price nothing.
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/catalogue/price-lists/{distributor}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PriceAsync(api, product, "distributor", "CHF", 1)).StatusCode);
    }

    [Fact]
    public async Task Of_two_lists_starting_the_same_day_the_one_published_last_applies()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-CEM-{Tag()}", "Bone cement", "consumable", "box");
        var first = await CreateListAsync(api, "distributor", "JPY", Today.AddDays(-3));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await CreateListAsync(api, "distributor", "JPY", Today.AddDays(-3));
        await SetEntriesAsync(api, second, Tier(product, 1, 4800m));
        await SetEntriesAsync(api, first, Tier(product, 1, 5000m));

        Assert.Equal(4800m, (await PricedAsync(api, product, "distributor", "JPY", 1)).UnitPrice);
    }

    [Fact]
    public async Task The_tier_is_the_largest_minimum_not_above_the_quantity_and_an_option_uses_its_own_tiers_when_it_has_any()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-KNEE-{Tag()}");
        await AddOptionAsync(api, product, "T3", "Size 3");
        await AddOptionAsync(api, product, "t4", "Size 4");
        var list = await CreateListAsync(api, "tender", "NOK", Today.AddDays(-1));
        await SetEntriesAsync(api, list,
            Tier(product, 1, 100m), Tier(product, 10, 90m), Tier(product, 50, 80.5m), Tier(product, 1, 120m, "T4"), Tier(product, 20, 110m, "T4"));

        Assert.Equal((100m, 1), Short(await PricedAsync(api, product, "tender", "NOK", 9)));
        Assert.Equal((90m, 10), Short(await PricedAsync(api, product, "tender", "NOK", 10)));
        Assert.Equal((90m, 10), Short(await PricedAsync(api, product, "tender", "NOK", 49)));
        Assert.Equal((80.5m, 50), Short(await PricedAsync(api, product, "tender", "NOK", 50)));
        Assert.Equal((90m, 10), Short(await PricedAsync(api, product, "tender", "NOK", 10, option: "T3")));
        Assert.Equal((120m, 1), Short(await PricedAsync(api, product, "tender", "NOK", 19, option: "T4")));
        Assert.Equal((110m, 20), Short(await PricedAsync(api, product, "tender", "NOK", 20, option: "t4")));

        var line = await (await PriceAsync(api, product, "tender", "NOK", 50)).Json();
        Assert.Equal(4025m, line.GetProperty("lineTotal").GetDecimal());

        static (decimal, int) Short((decimal UnitPrice, int Tier, string List) price) => (price.UnitPrice, price.Tier);
    }

    [Fact]
    public async Task Without_an_applicable_list_or_tier_the_price_is_refused_naming_what_is_missing()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-AI-{Tag()}", "Imaging AI per report", "software-plan", "report");
        var other = await CreateProductAsync(api, $"OST-AI-{Tag()}", "Imaging AI per patient", "software-plan", "patient");

        var noList = await PriceAsync(api, product, "direct", "DKK", 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noList.StatusCode);
        Assert.Contains("No direct price list in DKK", (await noList.Json()).GetProperty("missing")[0].GetString(), StringComparison.Ordinal);

        var list = await CreateListAsync(api, "direct", "DKK", Today);
        await SetEntriesAsync(api, list, Tier(other, 5, 10m));
        var notOnList = await (await PriceAsync(api, product, "direct", "DKK", 1)).Json();
        Assert.Contains("has no price on the price list", notOnList.GetProperty("missing")[0].GetString(), StringComparison.Ordinal);
        var belowFirstTier = await (await PriceAsync(api, other, "direct", "DKK", 4)).Json();
        Assert.Contains("is sold from 5 units", belowFirstTier.GetProperty("missing")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiers_are_checked_entry_by_entry_and_named_by_their_position()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-SUP-{Tag()}", "Level 2 Gold", "support-package", "year");
        var list = await CreateListAsync(api, "direct", "PLN", Today);

        var response = await PutEntriesAsync(api, list,
            Tier(product, 1, 10m, "GOLD"), Tier(product, 0, 10m), Tier(product, 5, 10.123m), Tier(product, 5, -1m), new { productId = Guid.NewGuid(), minQuantity = 1, unitPrice = 1m },
            Tier(product, 2, 5m), Tier(product, 2, 6m));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Contains("has no options", errors.GetProperty("entries[0].optionCode")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("entries[1].minQuantity", out _));
        Assert.Contains("2 decimals", errors.GetProperty("entries[2].unitPrice")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("entries[3].unitPrice", out _));
        Assert.True(errors.TryGetProperty("entries[4].productId", out _));
        Assert.False(errors.TryGetProperty("entries[5].minQuantity", out _));
        Assert.Contains("already has a tier from 2", errors.GetProperty("entries[6].minQuantity")[0].GetString(), StringComparison.Ordinal);

        var stored = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/catalogue/price-lists/{list}");
        Assert.Equal(0, stored.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_price_list_needs_a_channel_an_iso_currency_and_an_end_not_before_its_start()
    {
        var api = await SalesManagerAsync(app);
        var response = await api.PostAsJsonAsync("/api/v1/catalogue/price-lists", new { name = "", channel = "online", currency = "EURO", validTo = Today });
        var errors = (await response.Json()).GetProperty("errors");
        foreach (var field in new[] { "name", "channel", "currency", "validFrom" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var backwards = await api.PostAsJsonAsync("/api/v1/catalogue/price-lists", new { name = $"Tender {Tag()}", channel = "tender", currency = "eur", validFrom = Today, validTo = Today.AddDays(-1) });
        Assert.True((await backwards.Json()).GetProperty("errors").TryGetProperty("validTo", out _));

        var name = $"Tender EUR {Tag()}";
        await CreateListAsync(api, "tender", "EUR", Today, name: name);
        var sameName = await api.PostAsJsonAsync("/api/v1/catalogue/price-lists", new { name = name.ToLowerInvariant(), channel = "tender", currency = "EUR", validFrom = Today });
        Assert.True((await sameName.Json()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Everybody_reads_the_catalogue_but_only_pricing_managers_change_it()
    {
        var manager = await SalesManagerAsync(app);
        var product = await CreateProductAsync(manager, $"OST-SVC-{Tag()}", "Installation", "service", "site");
        var seller = await app.CreateUserAsync(roles: "Business Development");
        var api = await app.ApiAs(seller.Email!);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/catalogue/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/catalogue/price-lists")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = $"X-{Tag()}", name = "X", kind = "service", unit = "each" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/catalogue/price-lists", new { name = $"X {Tag()}", channel = "direct", currency = "EUR", validFrom = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/catalogue/products")).StatusCode);
    }

    [Fact]
    public async Task Products_are_found_by_name_sku_or_kind_paged_and_edited_with_their_version()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var knee = await CreateProductAsync(api, $"KNEE-{tag}", $"Knee {tag} system");
        await CreateProductAsync(api, $"CEM-{tag}", $"Cement {tag}", "consumable", "box");
        await CreateProductAsync(api, $"SCR-{tag}", $"Screws {tag}", "consumable", "box");

        var consumables = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/catalogue/products?q={tag.ToLowerInvariant()}&kind=consumable&limit=1");
        Assert.Single(consumables.GetProperty("items").EnumerateArray());
        var next = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/catalogue/products?q={tag}&kind=consumable&limit=1&cursor={consumables.GetProperty("nextCursor").GetString()}");
        Assert.Equal($"Screws {tag}", next.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);

        var id = knee.GetProperty("id").GetGuid();
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalogue/products/{id}")
        {
            Content = JsonContent.Create(new { sku = $"KNEE-{tag}", name = "Renamed", kind = "device-model", unit = "each" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.SendAsync(stale)).StatusCode);

        var archived = await api.DeleteAsync($"/api/v1/catalogue/products/{id}");
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var list = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/catalogue/products?q=KNEE-{tag}");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/catalogue/products/{id}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task An_option_that_a_list_still_prices_is_not_removed()
    {
        var api = await SalesManagerAsync(app);
        var product = await CreateProductAsync(api, $"OST-HIP-{Tag()}", "Hip stem");
        await AddOptionAsync(api, product, "S12", "Size 12");
        var duplicate = await api.PostAsJsonAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}/options", new { code = "s12", name = "Again" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var list = await CreateListAsync(api, "direct", "CZK", Today);
        await SetEntriesAsync(api, list, Tier(product, 1, 10m, "S12"));
        var refused = await api.DeleteAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}/options/S12");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        await SetEntriesAsync(api, list);
        var removed = await api.DeleteAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}/options/S12");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await removed.Json()).GetProperty("options").EnumerateArray());
    }
}
