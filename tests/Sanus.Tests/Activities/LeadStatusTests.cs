using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>CO-4: activities on a contact move its companies to Attempted, inbound ones to Connected; Open deal is never moved back.</summary>
public sealed class LeadStatusTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Outbound_activity_makes_the_company_attempted_and_inbound_connected_audited()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        Assert.Equal("New", await a.LeadStatusAsync());

        await a.LogAsync(new { type = "email", direction = "outbound", subject = "Introduction", contactIds = new[] { a.Contact } });
        Assert.Equal("Attempted", await a.LeadStatusAsync());

        await a.LogAsync(new { type = "linkedin-message", direction = "inbound", subject = "Reply", contactIds = new[] { a.Contact } });
        Assert.Equal("Connected", await a.LeadStatusAsync());

        await a.LogAsync(new { type = "call", direction = "outbound", subject = "Follow-up call", contactIds = new[] { a.Contact } });
        Assert.Equal("Connected", await a.LeadStatusAsync());

        var audit = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity=Company&id={a.Company}&limit=200");
        var changes = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("field").GetString() == "LeadStatus").Select(e => e.GetProperty("newValue").GetString()).ToList();
        Assert.Contains("Attempted", changes);
        Assert.Contains("Connected", changes);
    }

    [Fact]
    public async Task A_company_with_an_open_deal_is_never_moved_back()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        await a.DealAsync();
        Assert.Equal("Open deal", await a.LeadStatusAsync());

        await a.LogAsync(new { type = "call", direction = "inbound", subject = "They called", contactIds = new[] { a.Contact } });
        await a.LogAsync(new { type = "call", direction = "outbound", subject = "We called", contactIds = new[] { a.Contact } });

        Assert.Equal("Open deal", await a.LeadStatusAsync());
    }

    [Fact]
    public async Task A_status_set_by_hand_is_left_alone()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var company = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{a.Company}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(company.GetRawText())!;
        body["leadStatus"] = "Bad timing";
        (await a.Client.PutAsJsonAsync($"/api/v1/companies/{a.Company}", body)).EnsureSuccessStatusCode();

        await a.LogAsync(new { type = "email", direction = "outbound", subject = "Checking in", contactIds = new[] { a.Contact } });

        Assert.Equal("Bad timing", await a.LeadStatusAsync());
    }
}
