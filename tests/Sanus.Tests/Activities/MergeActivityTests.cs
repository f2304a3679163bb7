using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>CT-3, CO-2: merging keeps all activity: links, meeting attendance and tasks move to the survivor, and back on undo.</summary>
public sealed class MergeActivityTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Contact_merge_moves_activities_attendance_and_tasks_and_undo_moves_them_back()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var duplicate = (await Arranged.NewContactAsync(a.Client, a.Company)).Id;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var call = (await a.LogAsync(new { type = "call", subject = "With the duplicate", contactIds = new[] { duplicate } })).GetProperty("id").GetGuid();
        var meeting = (await a.LogAsync(new { type = "in-person-meeting", subject = "Visit", startsAt = now.AddDays(1), endsAt = now.AddDays(1).AddHours(1), attendeeIds = new[] { duplicate } })).GetProperty("id").GetGuid();
        var task = (await a.TaskAsync(new { title = "Call the duplicate", dueAt = now.AddDays(1), contactId = duplicate })).GetProperty("id").GetGuid();

        var merge = await a.Client.PostAsJsonAsync($"/api/v1/contacts/{a.Contact}/merge", new { otherId = duplicate });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);

        Assert.Equal([a.Contact], await Contacts(call));
        Assert.Equal([a.Contact], await Attendees(meeting));
        Assert.Equal(a.Contact, await TaskContact(task));

        Assert.Equal(HttpStatusCode.OK, (await a.Client.PostAsync($"/api/v1/merges/{(await merge.Json()).GetProperty("id").GetGuid()}/undo", null)).StatusCode);

        Assert.Equal([duplicate], await Contacts(call));
        Assert.Equal([duplicate], await Attendees(meeting));
        Assert.Equal(duplicate, await TaskContact(task));

        async Task<List<Guid>> Contacts(Guid id) => Ids(await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}"), "contactIds");
        async Task<List<Guid>> Attendees(Guid id) => Ids(await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}"), "attendeeIds");
        async Task<Guid> TaskContact(Guid id) => (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("contactId").GetGuid();
    }

    [Fact]
    public async Task Company_merge_moves_activity_links_and_tasks_and_undo_moves_them_back()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var other = (await (await a.Client.PostAsJsonAsync("/api/v1/companies?confirm=true", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var note = (await a.LogAsync(new { type = "note", subject = "About the other", companyIds = new[] { other } })).GetProperty("id").GetGuid();
        var task = (await a.TaskAsync(new { title = "Visit the other", dueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(1), companyId = other })).GetProperty("id").GetGuid();

        var merge = await a.Client.PostAsJsonAsync($"/api/v1/companies/{a.Company}/merge", new { otherId = other });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal([a.Company], Ids(await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{note}"), "companyIds"));
        Assert.Equal(a.Company, (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("companyId").GetGuid());

        Assert.Equal(HttpStatusCode.OK, (await a.Client.PostAsync($"/api/v1/merges/{(await merge.Json()).GetProperty("id").GetGuid()}/undo", null)).StatusCode);
        Assert.Equal([other], Ids(await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{note}"), "companyIds"));
        Assert.Equal(other, (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("companyId").GetGuid());
    }

    private static List<Guid> Ids(JsonElement activity, string property) =>
        activity.GetProperty(property).EnumerateArray().Select(i => i.GetGuid()).ToList();
}
