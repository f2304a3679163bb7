using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Catalogue;

namespace Sanus.Tests.Catalogue;

/// <summary>Creates catalogue records through the API as the Sales Manager's client program would.</summary>
public static class CatalogueClient
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A GTIN-13 that no other test uses, with its right check digit.</summary>
    public static string NewGtin13()
    {
        var body = "40" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        return body + Gtin.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    public static async Task<JsonElement> CreateProductAsync(HttpClient api, string sku, string name = "Knee system", string kind = "device-model", string unit = "each", string? gtin = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/catalogue/products", new { sku, name, kind, unit, gtin, referenceRegulation = "EU MDR 2017/745, class IIb" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    public static async Task<JsonElement> AddOptionAsync(HttpClient api, JsonElement product, string code, string name)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/catalogue/products/{product.GetProperty("id").GetGuid()}/options", new { code, name });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    public static async Task<Guid> CreateListAsync(HttpClient api, string channel, string currency, DateOnly validFrom, DateOnly? validTo = null, string? name = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/catalogue/price-lists", new { name = name ?? $"{channel} {currency} {Tag()}", channel, currency, validFrom, validTo });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PutEntriesAsync(HttpClient api, Guid list, params object[] entries) =>
        api.PutAsJsonAsync($"/api/v1/catalogue/price-lists/{list}/entries", new { entries });

    public static async Task SetEntriesAsync(HttpClient api, Guid list, params object[] entries)
    {
        var response = await PutEntriesAsync(api, list, entries);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static object Tier(JsonElement product, int minQuantity, decimal unitPrice, string? optionCode = null) =>
        new { productId = product.GetProperty("id").GetGuid(), optionCode, minQuantity, unitPrice };

    public static Task<HttpResponseMessage> PriceAsync(HttpClient api, JsonElement product, string channel, string currency, decimal quantity, DateOnly? on = null, string? option = null) =>
        api.GetAsync($"/api/v1/catalogue/price?productId={product.GetProperty("id").GetGuid()}&channel={channel}&currency={currency}"
            + $"&quantity={quantity.ToString(CultureInfo.InvariantCulture)}{(on is { } day ? $"&on={day:yyyy-MM-dd}" : "")}{(option is null ? "" : $"&optionCode={option}")}");

    /// <summary>The unit price and the tier of a price that must apply.</summary>
    public static async Task<(decimal UnitPrice, int Tier, string List)> PricedAsync(HttpClient api, JsonElement product, string channel, string currency, decimal quantity, DateOnly? on = null, string? option = null)
    {
        var response = await PriceAsync(api, product, channel, currency, quantity, on, option);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var price = await response.Json();
        return (price.GetProperty("unitPrice").GetDecimal(), price.GetProperty("tierMinQuantity").GetInt32(), price.GetProperty("priceList").GetString()!);
    }

    public static async Task<HttpClient> SalesManagerAsync(SanusApp app)
    {
        var user = await app.CreateUserAsync(roles: "Sales Manager");
        return await app.ApiAs(user.Email!);
    }
}
