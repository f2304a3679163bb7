using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>ACT-2: tasks with due time and owner, overdue flagged from the clock, follow-up from an activity in one step.</summary>
public sealed class TaskTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static async Task<JsonElement> Get(HttpClient client, Guid task) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");

    [Fact]
    public async Task Overdue_is_flagged_when_the_clock_passes_the_due_time_and_not_once_done()
    {
        var user = await app.CreateUserAsync(roles: "Business Development");
        var a = await Arranged.CreateAsync(await app.ApiAs(user.Email!));
        var id = (await a.TaskAsync(new { title = "Send the proposal", dueAt = Now.AddHours(1), companyId = a.Company })).GetProperty("id").GetGuid();

        Assert.False((await Get(a.Client, id)).GetProperty("overdue").GetBoolean());
        Assert.Empty((await a.Client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?mine=true&overdue=true")).GetProperty("items").EnumerateArray());

        app.Clock.Advance(TimeSpan.FromHours(2));

        Assert.True((await Get(a.Client, id)).GetProperty("overdue").GetBoolean());
        var overdue = await a.Client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?mine=true&overdue=true");
        Assert.Equal(id, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var done = await (await a.Client.PostAsync($"/api/v1/tasks/{id}/complete", null)).Json();
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.False(done.GetProperty("overdue").GetBoolean());
        Assert.Single((await a.Client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?mine=true&done=true")).GetProperty("items").EnumerateArray());

        var reopened = await (await a.Client.PostAsync($"/api/v1/tasks/{id}/reopen", null)).Json();
        Assert.True(reopened.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Follow_up_task_is_created_from_an_activity_in_one_step_linked_to_the_same_records()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var deal = await a.DealAsync();
        var activity = (await a.LogAsync(new { type = "call", subject = "Pilot scope", contactIds = new[] { a.Contact }, companyIds = new[] { a.Company }, dealIds = new[] { deal } })).GetProperty("id").GetGuid();

        var response = await a.Client.PostAsJsonAsync($"/api/v1/activities/{activity}/follow-up", new { title = "Send the pilot scope", dueAt = Now.AddDays(2) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await response.Json();
        Assert.Equal(activity, task.GetProperty("activityId").GetGuid());
        Assert.Equal(a.Contact, task.GetProperty("contactId").GetGuid());
        Assert.Equal(a.Company, task.GetProperty("companyId").GetGuid());
        Assert.Equal(deal, task.GetProperty("dealId").GetGuid());
        var timeline = (await TimelineTests.PageAsync(a.Client, $"contactId={a.Contact}", 50)).Items;
        Assert.Contains(timeline, i => i.GetProperty("kind").GetString() == "task" && i.GetProperty("title").GetString() == "Send the pilot scope");

        var untitled = await (await a.Client.PostAsJsonAsync($"/api/v1/activities/{activity}/follow-up", new { dueAt = Now.AddDays(3) })).Json();
        Assert.Equal("Follow up: Pilot scope", untitled.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await a.Client.PostAsJsonAsync($"/api/v1/activities/{activity}/follow-up", new { title = "No due time" })).StatusCode);
    }

    [Fact]
    public async Task My_tasks_page_by_due_time_without_gaps()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        var client = await app.ApiAs(user.Email!);
        var a = await Arranged.CreateAsync(client);
        var due = Now.AddDays(1);
        foreach (var hours in new[] { 5, 1, 3, 3, 2 })
        {
            await a.TaskAsync(new { title = $"Task {hours}", dueAt = due.AddHours(hours) });
        }

        var seen = new List<DateTime>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?mine=true&limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("dueAt").GetDateTime()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task Logging_activities_and_tasks_needs_activities_log()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var designer = await app.CreateUserAsync(roles: "Design and Development Manager");
        var client = await app.ApiAs(designer.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/activities", new { type = "note", subject = "x", companyIds = new[] { a.Company } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/tasks", new { title = "x", dueAt = Now })).StatusCode);
    }
}
