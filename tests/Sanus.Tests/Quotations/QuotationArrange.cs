using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Catalogue;

namespace Sanus.Tests.Quotations;

/// <summary>A customer, its contact and a deal brought to Implementation Defined, ready for quotations (DL-4).</summary>
public sealed record QuotationDeal(HttpClient Admin, Guid Company, string CompanyName, Guid Contact, Guid Deal)
{
    public static async Task<QuotationDeal> CreateAsync(SanusApp app, HttpClient? admin = null, Guid? company = null)
    {
        admin ??= await app.ApiAsAdmin();
        var name = "Clinica Norte " + Guid.NewGuid().ToString("N")[..6];
        company ??= (await (await admin.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(name))).Json()).GetProperty("id").GetGuid();
        var companyName = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}")).GetProperty("name").GetString()!;
        var contact = (await (await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Lucía", lastName = "Vidal", email = $"lucia.{Guid.NewGuid():N}@clinica.example", jobTitle = "CFO", companyIds = new[] { company } })).Json()).GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/v1/deals", new { companyId = company, description = "Imaging reports", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 100000m, currency = "EUR", contactIds = new[] { contact } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = (await created.Json()).GetProperty("id").GetGuid();
        await UpdateAsync(admin, deal, new Dictionary<string, object?>
        {
            ["budgetConfirmed"] = true,
            ["budgetNote"] = "Budget approved",
            ["authorityConfirmed"] = true,
            ["authorityNote"] = "CFO signs",
            ["needConfirmed"] = true,
            ["needNote"] = "Report backlog",
            ["implementationMethod"] = "API",
            ["successMetrics"] = "Turnaround under 24 h",
            ["pricingBasis"] = "per report",
            ["pricingFigures"] = "6,000 reports a month",
            ["implementationTimeline"] = "Live in Q1",
        });
        foreach (var stage in new[] { "Qualified", "Discovered", "Implementation Defined" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/deals/{deal}/move", new { stage })).StatusCode);
        }

        return new QuotationDeal(admin, company.Value, companyName, contact, deal);
    }

    public async Task<string> StageAsync() => (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{Deal}")).GetProperty("stage").GetString()!;

    private static async Task UpdateAsync(HttpClient client, Guid deal, Dictionary<string, object?> changes)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        foreach (var (key, value) in changes)
        {
            body[key] = value;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/deals/{deal}", body)).StatusCode);
    }

    public static object ApiPlan(DateOnly validUntil, decimal overallDiscount = 0m, Guid? deal = null) => new
    {
        dealId = deal,
        template = "api",
        validUntil,
        terms = "Invoiced monthly in arrears. Net 30.",
        referenceRegulation = "EU MDR 2017/745, class IIa software",
        overallDiscountPercent = overallDiscount,
        taxRatePercent = 21m,
        api = new
        {
            plan = "Osteon AI Reports",
            unit = "report",
            monthlyVolume = 6000m,
            termMonths = 12,
            setUpFee = 2500m,
            tiers = new object[] { new { upTo = 1000m, unitPrice = 2.00m }, new { upTo = 5000m, unitPrice = 1.50m }, new { upTo = (decimal?)null, unitPrice = 1.00m } },
        },
    };

    /// <summary>A product with a direct EUR price of 1,250.00 from one unit and 1,100.00 from five.</summary>
    public static async Task<(Guid Product, string Sku)> ProductAsync(SanusApp app)
    {
        var sku = "OST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var product = new Product { Sku = sku, Name = "Osteon Knee Implant System", Unit = "set", ReferenceRegulation = "EU MDR 2017/745, class III" };
        await app.WithDb(async db =>
        {
            db.Add(product);
            db.Add(new PriceList
            {
                Name = "Direct EUR " + sku,
                Channel = PriceChannels.Direct,
                Currency = "EUR",
                ValidFrom = today.AddDays(-1),
                Entries = [new PriceListEntry { ProductId = product.Id, MinQuantity = 1, UnitPriceMinor = 125_000 }, new PriceListEntry { ProductId = product.Id, MinQuantity = 5, UnitPriceMinor = 110_000 }],
            });
            return await db.SaveChangesAsync();
        });
        return (product.Id, sku);
    }
}
