using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sanus.Tests.Infrastructure;
using Sanus.Web.DemoData;
using Sanus.Web.Features.Activities;
using Sanus.Web.Platform.Mail;

namespace Sanus.Tests.Activities;

/// <summary>ACT-3, INT-3: meeting invites (.ics) downloaded and emailed over SMTP, and one reminder before the meeting.</summary>
public sealed class MeetingTests(MailApp app) : IClassFixture<MailApp>
{
    private DateTime Now
    {
        get
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    private static async Task<(Arranged A, Guid Meeting, string Subject)> MeetingAsync(SanusApp app, DateTime start)
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var subject = "Pilot kickoff " + Guid.NewGuid().ToString("N")[..6];
        var meeting = await a.LogAsync(new
        {
            type = "video-meeting",
            subject,
            startsAt = start,
            endsAt = start.AddHours(1),
            location = "Teams",
            attendeeIds = new[] { a.Contact },
            companyIds = new[] { a.Company },
        });
        return (a, meeting.GetProperty("id").GetGuid(), subject);
    }

    [Fact]
    public async Task Invite_parses_back_with_start_end_attendees_alarm_and_a_stable_uid()
    {
        var start = Now.AddDays(3);
        var (a, meeting, subject) = await MeetingAsync(app, start);

        var response = await a.Client.GetAsync($"/api/v1/activities/{meeting}/invite.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal(start, invite.DtStart!.AsUtc);
        Assert.Equal(start.AddHours(1), invite.DtEnd!.AsUtc);
        Assert.Equal(subject, invite.Summary);
        Assert.Equal("Teams", invite.Location);
        Assert.Equal("mailto:" + a.ContactEmail, Assert.Single(invite.Attendees).Value!.ToString(), ignoreCase: true);
        Assert.Equal("mailto:" + FirstRun.AdminEmail, invite.Organizer!.Value!.ToString(), ignoreCase: true);
        Assert.Single(invite.Alarms);
        Assert.Equal(MeetingInvites.UidOf(meeting), invite.Uid);
        var again = Calendar.Load(await a.Client.GetStringAsync($"/api/v1/activities/{meeting}/invite.ics"))!;
        Assert.Equal(invite.Uid, Assert.Single(again.Events).Uid);

        var call = (await a.LogAsync(new { type = "call", subject = "Not a meeting", contactIds = new[] { a.Contact } })).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await a.Client.GetAsync($"/api/v1/activities/{call}/invite.ics")).StatusCode);
    }

    [Fact]
    public async Task Send_invite_emails_the_attendees_over_smtp_and_logs_the_email_on_the_timeline()
    {
        var (a, meeting, subject) = await MeetingAsync(app, Now.AddDays(2));

        var response = await a.Client.PostAsync($"/api/v1/activities/{meeting}/send-invite", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await app.Smtp.WaitForAsync(m => m.Subject == "Invitation: " + subject);
        Assert.NotNull(message);
        Assert.Equal(a.ContactEmail, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("crm@sanus.test", Assert.Single(message.From.Mailboxes).Address);
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        var invite = Assert.Single(Calendar.Load(part.Text)!.Events);
        Assert.Equal(MeetingInvites.UidOf(meeting), invite.Uid);

        var timeline = (await TimelineTests.PageAsync(a.Client, $"contactId={a.Contact}", 50)).Items;
        Assert.Contains(timeline, i => i.GetProperty("activityType").GetString() == "email" && i.GetProperty("title").GetString() == "Invitation sent: " + subject);
    }

    [Fact]
    public async Task Reminder_is_sent_once_to_the_owner_when_the_clock_passes_the_reminder_time_and_not_before()
    {
        var (_, _, subject) = await MeetingAsync(app, Now.AddHours(2));
        var mailer = app.Services.GetRequiredService<Mailer>();
        Task<int> Run() => app.WithDb(db => MeetingReminders.SendDueAsync(db, app.Clock, mailer));
        int Reminders() => app.Smtp.Messages.Count(m => m.Subject?.StartsWith("Reminder: " + subject, StringComparison.Ordinal) == true);

        Assert.Equal(0, await Run());
        app.Clock.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal(0, await Run());
        Assert.Equal(0, Reminders());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Run();
        var reminder = await app.Smtp.WaitForAsync(m => m.Subject?.StartsWith("Reminder: " + subject, StringComparison.Ordinal) == true);
        Assert.NotNull(reminder);
        Assert.Equal(FirstRun.AdminEmail, Assert.Single(reminder.To.Mailboxes).Address, ignoreCase: true);

        Assert.Equal(0, await Run());
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await Run());
        Assert.Equal(1, Reminders());
    }
}
