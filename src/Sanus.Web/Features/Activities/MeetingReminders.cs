using System.Globalization;
using System.Net.Sockets;
using MailKit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanus.Web.Data;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Activities;

/// <summary>
/// Reminders before meetings (ACT-3). Scheduling writes a row; <see cref="SendDueAsync"/> sends what is due. The
/// Quartz job only calls it every minute, so tests drive it with a fake clock and a restart loses nothing.
/// </summary>
public static class MeetingReminders
{
    /// <summary>Keeps the meeting's reminder in step with its start: added, moved (and re-armed), or dropped.</summary>
    public static void Schedule(SanusDb db, Activity activity, MeetingSettings settings, MeetingReminder? existing)
    {
        if (!activity.IsMeeting || activity.StartsAt is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }

            return;
        }

        var due = activity.StartsAt.Value.AddMinutes(-settings.ReminderMinutes);
        if (existing is null)
        {
            db.Add(new MeetingReminder { ActivityId = activity.Id, DueAt = due });
        }
        else if (existing.DueAt != due)
        {
            // The meeting moved: remind again before the new time.
            existing.DueAt = due;
            existing.SentAt = null;
        }
    }

    /// <summary>Sends each due, unsent reminder once to the meeting's owner; returns how many emails went out.</summary>
    public static async Task<int> SendDueAsync(SanusDb db, TimeProvider clock, Mailer mailer, CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            // Left unsent, so they go out once email is set up.
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<MeetingReminder>().Where(r => r.SentAt == null && r.DueAt <= now).OrderBy(r => r.DueAt).Take(100).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var reminder in due)
        {
            // Claim it first: SentAt is a concurrency token, so a second node or run that read it too loses here.
            reminder.SentAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(reminder).State = EntityState.Detached;
                continue;
            }

            var meeting = await db.Set<Activity>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.Id == reminder.ActivityId, cancellationToken);
            var owner = meeting?.OwnerId is { } ownerId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId, cancellationToken) : null;
            if (meeting is null || meeting.ArchivedAt is not null || meeting.EndsAt <= now || string.IsNullOrEmpty(owner?.Email))
            {
                // Nothing useful to send: an archived or past meeting, or nobody to tell. It stays claimed.
                continue;
            }

            try
            {
                await mailer.SendAsync(Message(meeting, owner.DisplayName, owner.Email), cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is IOException or SocketException or ProtocolException or CommandException or ProblemException)
            {
                // Not delivered: release the claim so the next run tries again.
                reminder.SentAt = null;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return sent;
    }

    private static MimeMessage Message(Activity meeting, string? ownerName, string ownerEmail)
    {
        var start = meeting.StartsAt!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var message = new MimeMessage { Subject = $"Reminder: {meeting.Subject} at {start} UTC" };
        message.To.Add(new MailboxAddress(ownerName ?? ownerEmail, ownerEmail));
        message.Body = new TextPart("plain")
        {
            Text = $"{meeting.Subject}\nStarts: {start} UTC\nEnds: {meeting.EndsAt:yyyy-MM-dd HH:mm} UTC\n" +
                (meeting.Location is null ? "" : $"Location: {meeting.Location}\n") +
                (meeting.Body is null ? "" : $"\n{meeting.Body}\n"),
        };
        return message;
    }
}
