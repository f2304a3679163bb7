using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>ACT-1: one timeline per record, merging activities, tasks and deal stage moves, newest first, keyset paged.</summary>
public sealed class TimelineTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateTime Now => DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc).AddTicks(-(app.Clock.GetUtcNow().UtcDateTime.Ticks % TimeSpan.TicksPerSecond));

    internal static async Task<(List<JsonElement> Items, string? Next)> PageAsync(HttpClient client, string record, int limit, string? cursor = null)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/timeline?{record}&limit={limit}" + (cursor is null ? "" : "&cursor=" + cursor));
        var next = page.GetProperty("nextCursor");
        return (page.GetProperty("items").EnumerateArray().ToList(), next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    [Fact]
    public async Task Company_timeline_merges_activities_tasks_and_stage_changes_newest_first_and_pages_without_gaps()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var deal = await a.DealAsync();
        var t0 = Now;
        for (var i = 0; i < 5; i++)
        {
            await a.LogAsync(new { type = "call", direction = "outbound", subject = $"Call {i}", at = t0.AddHours((-i * 3) - 1), contactIds = new[] { a.Contact } });
        }

        await a.LogAsync(new { type = "note", subject = "On the deal", at = t0.AddHours(-2), dealIds = new[] { deal } });
        await a.LogAsync(new { type = "email", subject = "To the company", at = t0.AddHours(-20), companyIds = new[] { a.Company } });
        await a.TaskAsync(new { title = "Send the proposal", dueAt = t0.AddHours(5), dealId = deal });
        await a.TaskAsync(new { title = "Call back", dueAt = t0.AddHours(-4), contactId = a.Contact });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await a.Client.PostAsJsonAsync($"/api/v1/deals/{deal}/move", new { stage = "Qualified" })).StatusCode);

        var (all, none) = await PageAsync(a.Client, $"companyId={a.Company}", 200);

        Assert.Null(none);
        Assert.Equal(11, all.Count);
        Assert.Equal(7, all.Count(i => i.GetProperty("kind").GetString() == "activity"));
        Assert.Equal(2, all.Count(i => i.GetProperty("kind").GetString() == "task"));
        Assert.Equal(2, all.Count(i => i.GetProperty("kind").GetString() == "stage-change"));
        var times = all.Select(i => i.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal("Send the proposal", all[0].GetProperty("title").GetString());
        Assert.Equal("Qualified", all[1].GetProperty("toStage").GetString());
        Assert.Contains("Pilot", all[1].GetProperty("dealName").GetString(), StringComparison.Ordinal);

        var paged = new List<Guid>();
        string? cursor = null;
        do
        {
            var (items, next) = await PageAsync(a.Client, $"companyId={a.Company}", 3, cursor);
            Assert.True(items.Count <= 3);
            paged.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            cursor = next;
        }
        while (cursor is not null);

        Assert.Equal(all.Select(i => i.GetProperty("id").GetGuid()), paged);
    }

    [Fact]
    public async Task Contact_timeline_has_its_own_and_its_deals_items_and_a_deal_timeline_only_the_deals()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var deal = await a.DealAsync();
        await a.LogAsync(new { type = "call", subject = "With the contact", contactIds = new[] { a.Contact } });
        await a.LogAsync(new { type = "note", subject = "On the deal", dealIds = new[] { deal } });
        await a.LogAsync(new { type = "email", subject = "To the company only", companyIds = new[] { a.Company } });

        var contact = (await PageAsync(a.Client, $"contactId={a.Contact}", 50)).Items.Select(i => i.GetProperty("title").GetString()).ToList();
        var onDeal = (await PageAsync(a.Client, $"dealId={deal}", 50)).Items.Select(i => i.GetProperty("title").GetString()).ToList();

        Assert.Contains("With the contact", contact);
        Assert.Contains("On the deal", contact);
        Assert.DoesNotContain("To the company only", contact);
        Assert.Contains("Deal created at Prospected", contact);
        Assert.Equal(["On the deal", "Deal created at Prospected"], onDeal);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.Client.GetAsync($"/api/v1/timeline?companyId={a.Company}&contactId={a.Contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/api/v1/timeline?companyId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Archived_activity_leaves_the_timeline_and_comes_back_on_restore()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var id = (await a.LogAsync(new { type = "whatsapp-message", direction = "inbound", subject = "Typo", contactIds = new[] { a.Contact } })).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await a.Client.DeleteAsync($"/api/v1/activities/{id}")).StatusCode);
        Assert.Empty((await PageAsync(a.Client, $"contactId={a.Contact}", 50)).Items);
        Assert.Equal(HttpStatusCode.OK, (await a.Client.PostAsync($"/api/v1/activities/{id}/restore", null)).StatusCode);
        Assert.Single((await PageAsync(a.Client, $"contactId={a.Contact}", 50)).Items);
    }

    [Fact]
    public async Task Activity_needs_a_type_a_subject_and_a_link()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());

        var refused = await a.Client.PostAsJsonAsync("/api/v1/activities", new { type = "fax", subject = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("links", out _));
        var meeting = await a.Client.PostAsJsonAsync("/api/v1/activities", new { type = "in-person-meeting", subject = "Visit", contactIds = new[] { a.Contact } });
        Assert.True((await meeting.Json()).GetProperty("errors").TryGetProperty("startsAt", out _));
    }
}
