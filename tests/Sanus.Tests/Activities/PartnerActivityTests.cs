using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>ACC-3 on activities and tasks: a channel partner sees only those of its own records; anything else is 404.</summary>
public sealed class PartnerActivityTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Partner_sees_and_logs_activities_and_tasks_only_on_its_own_records()
    {
        var admin = await app.ApiAsAdmin();
        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<Guid> Company(string name, string kind = "end-customer") =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"{name} {tag}", country = "ES", website = $"{Guid.NewGuid():N}.example", kind })).Json()).GetProperty("id").GetGuid();
        var distributor = await Company("Iberia Ortho", "distributor");
        var own = await Company("Hospital Norte");
        var other = await Company("Hospital Sur");
        (await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = own, type = "distributor-of" })).EnsureSuccessStatusCode();
        var ownContact = (await Arranged.NewContactAsync(admin, own)).Id;
        var otherContact = (await Arranged.NewContactAsync(admin, other)).Id;
        var otherActivity = (await (await admin.PostAsJsonAsync("/api/v1/activities", new { type = "call", subject = "Theirs", contactIds = new[] { otherContact } })).Json()).GetProperty("id").GetGuid();
        var otherTask = (await (await admin.PostAsJsonAsync("/api/v1/tasks", new { title = "Theirs", dueAt = app.Clock.GetUtcNow().UtcDateTime, companyId = other })).Json()).GetProperty("id").GetGuid();
        var user = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var partner = await app.ApiAs(user.Email!);

        var logged = await partner.PostAsJsonAsync("/api/v1/activities", new { type = "call", subject = "Ours", contactIds = new[] { ownContact } });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var ownActivity = (await logged.Json()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/activities/{ownActivity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/activities/{otherActivity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/activities/{otherActivity}/follow-up", new { dueAt = app.Clock.GetUtcNow().UtcDateTime })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/timeline?companyId={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/tasks/{otherTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync("/api/v1/activities", new { type = "call", subject = "Sneaky", contactIds = new[] { otherContact } })).StatusCode);
        var listed = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/activities?limit=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([ownActivity], listed);
        var tasks = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(otherTask, tasks);
        var timeline = (await TimelineTests.PageAsync(partner, $"companyId={own}", 50)).Items;
        Assert.Equal("Ours", Assert.Single(timeline).GetProperty("title").GetString());
    }
}
