using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Activities;

/// <summary>Calendar invites for meetings (ACT-3, RFC 5545), downloaded or emailed (INT-3).</summary>
public static class MeetingInvites
{
    /// <summary>The .ics text. The UID is the meeting's id, so a re-sent invite updates the same calendar entry.</summary>
    public static async Task<string> BuildAsync(SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings, Guid id)
    {
        var meeting = await MeetingAsync(db, id);
        var attendees = await AttendeesAsync(db, meeting);
        var (organizerName, organizerEmail) = await OrganizerAsync(db, mailer, meeting);
        var invite = new CalendarEvent
        {
            Uid = UidOf(meeting.Id),
            Sequence = Math.Max(0, meeting.Version - 1),
            DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime),
            DtStart = new CalDateTime(meeting.StartsAt!.Value),
            DtEnd = new CalDateTime(meeting.EndsAt!.Value),
            Summary = meeting.Subject,
            Description = meeting.Body,
            Location = meeting.Location,
            Organizer = new Organizer("mailto:" + organizerEmail) { CommonName = organizerName },
        };
        foreach (var contact in attendees)
        {
            invite.Attendees.Add(new Attendee("mailto:" + contact.Email)
            {
                CommonName = contact.FullName,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        invite.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = "Reminder: " + meeting.Subject,
            Trigger = new Trigger(Duration.FromMinutes(-settings.ReminderMinutes)),
        });
        var calendar = new Ical.Net.Calendar { Method = "REQUEST", ProductId = "-//Sanus//Sanus CRM//EN" };
        calendar.Events.Add(invite);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Emails the invite to every attendee and logs the email on the meeting's records' timelines.</summary>
    public static async Task<Activity> SendAsync(SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings, Guid id)
    {
        var meeting = await MeetingAsync(db, id);
        var attendees = await AttendeesAsync(db, meeting);
        if (attendees.Count == 0)
        {
            throw ProblemException.Refused("The invite has nobody to go to", ["Add at least one attendee (a contact with an email) to the meeting."]);
        }

        var ics = await BuildAsync(db, clock, mailer, settings, id);
        var (organizerName, organizerEmail) = await OrganizerAsync(db, mailer, meeting);
        var message = new MimeMessage { Subject = "Invitation: " + meeting.Subject };
        message.ReplyTo.Add(new MailboxAddress(organizerName, organizerEmail));
        message.To.AddRange(attendees.Select(c => new MailboxAddress(c.FullName, c.Email)));
        var calendarPart = new TextPart("calendar") { Text = ics, FileName = "invite.ics" };
        calendarPart.ContentType.Charset = "utf-8";
        calendarPart.ContentType.Parameters.Add("method", "REQUEST");
        var text = new StringBuilder()
            .AppendLine(meeting.Subject)
            .AppendLine(CultureInfo.InvariantCulture, $"When: {meeting.StartsAt:yyyy-MM-dd HH:mm} – {meeting.EndsAt:HH:mm} UTC")
            .AppendLine(meeting.Location is null ? "" : "Where: " + meeting.Location)
            .AppendLine(meeting.Body ?? "");
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = text.ToString() }, calendarPart };
        await mailer.SendAsync(message, CancellationToken.None);

        return await ActivityRules.CreateAsync(db, clock, settings, new ActivityRules.ActivityInput(
            ActivityTypes.Email,
            ActivityDirections.Outbound,
            "Invitation sent: " + meeting.Subject,
            At: clock.GetUtcNow().UtcDateTime,
            Body: "Calendar invite sent to " + string.Join(", ", attendees.Select(c => $"{c.FullName} <{c.Email}>")),
            CompanyIds: meeting.Companies.Select(l => l.CompanyId).ToList(),
            ContactIds: meeting.Contacts.Select(l => l.ContactId).ToList(),
            DealIds: meeting.Deals.Select(l => l.DealId).ToList()));
    }

    public static string UidOf(Guid meetingId) => $"{meetingId:N}@sanus";

    private static async Task<Activity> MeetingAsync(SanusDb db, Guid id)
    {
        var activity = await ActivityRules.GetAsync(db, id);
        return activity.IsMeeting && activity.StartsAt is not null && activity.EndsAt is not null
            ? activity
            : throw ProblemException.Refused("Only meetings have calendar invites", [$"This activity is a {ActivityTypes.Label(activity.Type).ToLowerInvariant()}, not a video or in-person meeting."]);
    }

    private static Task<List<Contact>> AttendeesAsync(SanusDb db, Activity meeting)
    {
        var ids = meeting.Attendees.Select(a => a.ContactId).ToList();
        return db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.SortName).ToListAsync();
    }

    private static async Task<(string Name, string Email)> OrganizerAsync(SanusDb db, Mailer mailer, Activity meeting)
    {
        var owner = meeting.OwnerId is { } ownerId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId) : null;
        return owner?.Email is { Length: > 0 } email
            ? (owner.DisplayName ?? email, email)
            : (mailer.From.Name ?? mailer.From.Address, mailer.From.Address);
    }
}
