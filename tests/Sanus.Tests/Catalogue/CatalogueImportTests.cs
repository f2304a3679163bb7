using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Catalogue.CatalogueClient;

namespace Sanus.Tests.Catalogue;

/// <summary>Q-1 catalogue import: product and price files in CSV or XLSX, checked by the same rules as the forms, all or nothing.</summary>
public sealed class CatalogueImportTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task One_bad_row_imports_nothing_and_names_its_row_and_column()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var good = NewGtin13();
        var bad = good[..12] + (char)('0' + ((good[12] - '0' + 1) % 10));
        var csv = $"""
            sku,name,kind,unit,gtin,regulation,description,options
            KNEE-{tag},Knee {tag},device-model,each,{good},"EU MDR 2017/745, class III",Total knee,T3:Size 3|T4:Size 4
            CEM-{tag},Cement {tag},consumable,box,,,,
            HIP-{tag},Hip {tag},device-model,each,{bad},,,
            SCR-{tag},Screws {tag},gadget,box,,,,
            """;

        var dryRun = await ImportAsync(api, "products", "products.csv", Encoding.UTF8.GetBytes(csv), dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var checkedOnly = await dryRun.Json();
        Assert.False(checkedOnly.GetProperty("imported").GetBoolean());
        Assert.Equal(2, checkedOnly.GetProperty("errors").GetArrayLength());

        var response = await ImportAsync(api, "products", "products.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Json()).GetProperty("rowErrors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(4, "gtin"), (5, "kind")], errors);

        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/catalogue/products?q={tag}");
        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_csv_of_products_creates_them_and_a_second_import_updates_them_by_sku()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var csv = $"""
            SKU;Name;Kind;Unit;GTIN;Regulation;Description;Options
            knee-{tag};Knee {tag};device-model;each;;EU MDR 2017/745 class III;;T3:Size 3|T4:Size 4
            cem-{tag};Cement {tag};consumable;box;;;;
            """;
        var first = await (await ImportAsync(api, "products", "products.csv", Encoding.UTF8.GetBytes(csv))).Json();
        Assert.True(first.GetProperty("imported").GetBoolean(), first.ToString());
        Assert.Equal(2, first.GetProperty("created").GetInt32());

        var again = await (await ImportAsync(api, "products", "products.csv", Encoding.UTF8.GetBytes(csv.Replace($"Knee {tag}", $"Knee {tag} II", StringComparison.Ordinal).Replace("T4:Size 4", "T4:Size four|T5:Size 5", StringComparison.Ordinal)))).Json();
        Assert.True(again.TryGetProperty("imported", out _), again.ToString());
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());

        var knee = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/catalogue/products?q=KNEE-{tag}")).GetProperty("items")[0];
        Assert.Equal($"Knee {tag} II", knee.GetProperty("name").GetString());
        var product = await api.GetFromJsonAsync<JsonElement>($"/api/v1/catalogue/products/{knee.GetProperty("id").GetGuid()}");
        Assert.Equal(["T3:Size 3", "T4:Size four", "T5:Size 5"], product.GetProperty("options").EnumerateArray().Select(o => $"{o.GetProperty("code").GetString()}:{o.GetProperty("name").GetString()}"));
    }

    [Fact]
    public async Task Xlsx_files_of_products_and_prices_import_and_the_prices_apply()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var gtin = NewGtin13();
        var products = Xlsx([
            new() { ["sku"] = $"AI-{tag}", ["name"] = $"Imaging AI {tag}", ["kind"] = "software-plan", ["unit"] = "report", ["gtin"] = "", ["regulation"] = "EU MDR 2017/745, class IIa", ["description"] = "", ["options"] = "" },
            new() { ["sku"] = $"KNEE-{tag}", ["name"] = $"Knee {tag}", ["kind"] = "device-model", ["unit"] = "each", ["gtin"] = gtin, ["regulation"] = "", ["description"] = "", ["options"] = "T3:Size 3" },
        ]);
        var imported = await (await ImportAsync(api, "products", "products.xlsx", products)).Json();
        Assert.True(imported.GetProperty("imported").GetBoolean(), imported.ToString());

        var listName = $"Direct HUF {tag}";
        var from = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, object> Row(string sku, string option, int minQuantity, decimal unitPrice) => new()
        {
            ["priceList"] = listName,
            ["channel"] = "direct",
            ["currency"] = "HUF",
            ["validFrom"] = from,
            ["validTo"] = "",
            ["sku"] = sku,
            ["option"] = option,
            ["minQuantity"] = minQuantity,
            ["unitPrice"] = unitPrice,
        };
        var prices = Xlsx([Row($"AI-{tag}", "", 1, 40m), Row($"AI-{tag}", "", 100, 32.5m), Row($"KNEE-{tag}", "", 1, 2900m), Row($"KNEE-{tag}", "T3", 1, 3100m)]);

        var dryRun = await (await ImportAsync(api, "prices", "prices.xlsx", prices, dryRun: true)).Json();
        Assert.Equal(4, dryRun.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PriceAsync(api, await ProductAsync(api, $"AI-{tag}"), "direct", "HUF", 1)).StatusCode);

        var result = await (await ImportAsync(api, "prices", "prices.xlsx", prices)).Json();
        Assert.True(result.GetProperty("imported").GetBoolean(), result.ToString());
        var ai = await ProductAsync(api, $"AI-{tag}");
        Assert.Equal((40m, 1, listName), await PricedAsync(api, ai, "direct", "HUF", 99));
        Assert.Equal((32.5m, 100, listName), await PricedAsync(api, ai, "direct", "HUF", 100));
        Assert.Equal(3100m, (await PricedAsync(api, await ProductAsync(api, $"KNEE-{tag}"), "direct", "HUF", 1, option: "T3")).UnitPrice);
    }

    [Fact]
    public async Task A_price_row_for_an_unknown_sku_or_a_list_described_two_ways_imports_nothing()
    {
        var api = await SalesManagerAsync(app);
        var tag = Tag();
        var product = await CreateProductAsync(api, $"SCR-{tag}", "Screws", "consumable", "box");
        var csv = $"""
            priceList,channel,currency,validFrom,validTo,sku,option,minQuantity,unitPrice
            Tender RON {tag},tender,RON,{Today:yyyy-MM-dd},,SCR-{tag},,1,12.50
            Tender RON {tag},tender,RON,{Today:yyyy-MM-dd},,NOPE-{tag},,1,10
            Tender RON {tag},direct,RON,{Today:yyyy-MM-dd},,SCR-{tag},,10,abc
            """;
        var response = await ImportAsync(api, "prices", "prices.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Json()).GetProperty("rowErrors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "sku"), (4, "channel"), (4, "unitPrice")], errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PriceAsync(api, product, "tender", "RON", 1)).StatusCode);

        var unknownColumn = await ImportAsync(api, "prices", "prices.csv", Encoding.UTF8.GetBytes("priceList,channel,currency,validFrom,sku,minQuantity,price\n"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownColumn.StatusCode);
    }

    [Fact]
    public async Task Importing_needs_pricing_manage()
    {
        var seller = await app.CreateUserAsync(roles: "Business Development");
        var api = await app.ApiAs(seller.Email!);
        var response = await ImportAsync(api, "products", "products.csv", Encoding.UTF8.GetBytes("sku,name,kind,unit\nX,X,service,each\n"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, string what, string fileName, byte[] content, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        return await api.PostAsync($"/api/v1/catalogue/import/{what}", form);
    }

    private static async Task<JsonElement> ProductAsync(HttpClient api, string sku) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/catalogue/products?q={sku}")).GetProperty("items")[0];

    private static byte[] Xlsx(List<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
