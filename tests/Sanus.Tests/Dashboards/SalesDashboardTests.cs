using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Dashboards;

/// <summary>
/// The sales dashboard (issue 7's dashboard figure, KPI groundwork): open pipeline per stage, close month, class and origin,
/// per currency; idle deals; won, lost and win rate; a partner sees only its own customers' deals in the sums.
/// </summary>
public sealed class SalesDashboardTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Dashboard_sums_the_open_pipeline_per_currency_counts_idle_and_lost_deals_and_respects_partner_scope()
    {
        var admin = await app.ApiAsAdmin();
        async Task<Guid> Create(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Json()).GetProperty("id").GetGuid();
        }

        var distributor = await Create("/api/v1/companies", new { name = "Dash Distrib", country = "ES", website = "dash-d.example", kind = "distributor" });
        var served = await Create("/api/v1/companies", new { name = "Dash Served Clinic", country = "ES", website = "dash-s.example" });
        var direct = await Create("/api/v1/companies", new { name = "Dash Direct Hospital", country = "FR", website = "dash-h.example" });
        await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = served, type = "distributor-of" });
        const string Class = "care-inpatient-private-for-profit";
        await Create("/api/v1/deals", new { companyId = served, description = "Scanner", dealClass = Class, origin = "inbound-enquiry", amount = 1000m, currency = "EUR", expectedCloseDate = "2027-01-15" });
        await Create("/api/v1/deals", new { companyId = direct, description = "Monitors", dealClass = Class, origin = "inbound-enquiry", amount = 2500.50m, currency = "EUR", expectedCloseDate = "2027-01-20" });
        await Create("/api/v1/deals", new { companyId = direct, description = "Licences", dealClass = Class, origin = "inbound-enquiry", amount = 500m, currency = "USD", expectedCloseDate = "2027-02-10" });
        var lost = await Create("/api/v1/deals", new { companyId = direct, description = "Pumps", dealClass = Class, origin = "inbound-enquiry", amount = 9999m, currency = "EUR" });
        Assert.True((await admin.PostAsJsonAsync($"/api/v1/deals/{lost}/lose", new { reason = "price", notes = "Cheaper local supplier" })).IsSuccessStatusCode);

        var fresh = await admin.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/sales");
        var prospected = Group(fresh, "byStage", "Prospected");
        Assert.Equal(3, prospected.GetProperty("count").GetInt32());
        Assert.Equal(3500.50m, Total(prospected, "EUR"));
        Assert.Equal(500m, Total(prospected, "USD"));
        Assert.Equal(3500.50m, Total(Group(fresh, "byCloseMonth", "2027-01"), "EUR"));
        Assert.Equal(500m, Total(Group(fresh, "byCloseMonth", "2027-02"), "USD"));
        Assert.Equal(3, Group(fresh, "byClass", Class).GetProperty("count").GetInt32());
        Assert.Equal(0, fresh.GetProperty("idleByStage").GetProperty("Prospected").GetInt32());
        Assert.Equal(1, fresh.GetProperty("lost").GetInt32());
        Assert.Equal(0, fresh.GetProperty("won").GetInt32());
        Assert.Equal(0m, fresh.GetProperty("winRate").GetDecimal());

        app.Clock.Advance(TimeSpan.FromDays(31));
        var later = await admin.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/sales");
        Assert.Equal(3, later.GetProperty("idleByStage").GetProperty("Prospected").GetInt32());

        var partner = await app.ApiAs((await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner")).Email!);
        var partnerView = await partner.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/sales");
        var partnerProspected = Group(partnerView, "byStage", "Prospected");
        Assert.Equal(1, partnerProspected.GetProperty("count").GetInt32());
        Assert.Equal(1000m, Total(partnerProspected, "EUR"));
        Assert.Equal(0, partnerView.GetProperty("lost").GetInt32());
    }

    private static JsonElement Group(JsonElement dashboard, string list, string key) =>
        dashboard.GetProperty(list).EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);

    private static decimal Total(JsonElement group, string currency) =>
        group.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == currency).GetProperty("value").GetDecimal();
}
