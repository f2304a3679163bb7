using System.Net;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>ACT-1, ACT-2: the Timeline tab of company and contact pages and the My tasks page, pre-rendered on the server.</summary>
public sealed class TimelinePageTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Company_and_contact_pages_show_the_timeline_and_my_tasks_lists_the_follow_up()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        var a = await Arranged.CreateAsync(await app.ApiAs(user.Email!));
        var subject = "Discussed the pilot " + Guid.NewGuid().ToString("N")[..6];
        var activity = (await a.LogAsync(new { type = "call", direction = "inbound", subject, contactIds = new[] { a.Contact } })).GetProperty("id").GetGuid();
        await a.Client.PostAsync($"/api/v1/activities/{activity}/follow-up", System.Net.Http.Json.JsonContent.Create(new { title = "Send the pilot plan", dueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(1) }));
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, user.Email!, SanusApp.Password)).StatusCode);

        var company = await browser.GetStringAsync($"/companies/{a.Company}");
        var contact = await browser.GetStringAsync($"/contacts/{a.Contact}");
        var tasks = await browser.GetStringAsync("/tasks");

        Assert.Contains(subject, company, StringComparison.Ordinal);
        Assert.Contains("id=\"timeline-log\"", company, StringComparison.Ordinal);
        Assert.Contains(subject, contact, StringComparison.Ordinal);
        Assert.Contains("They initiated", contact, StringComparison.Ordinal);
        Assert.Contains("Send the pilot plan", tasks, StringComparison.Ordinal);
    }
}
