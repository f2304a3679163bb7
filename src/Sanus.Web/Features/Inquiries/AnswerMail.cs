using System.Net.Sockets;
using MailKit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Inquiries;

/// <summary>Emails an inquiry's final answer to the contact who asked (INT-3) and logs the email on the timelines (ACT-1).</summary>
public sealed record AnswerMail(Mailer Mailer, MeetingSettings Settings)
{
    /// <summary>Sends the answer; returns the recipient as logged. Refuses, with nothing sent, when it can't go out.</summary>
    internal static async Task<string> SendAsync(SanusDb db, AnswerMail? mail, Inquiry inquiry, Actor who)
    {
        if (mail is null || !mail.Mailer.IsConfigured)
        {
            throw ProblemException.Refused("Email is not set up", ["Ask an administrator to set Smtp:Host, Smtp:Port and Smtp:From, or send the answer without email."]);
        }

        var contact = inquiry.ContactId is { } contactId ? await db.Set<Contact>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId) : null;
        if (contact is null || string.IsNullOrWhiteSpace(contact.Email))
        {
            throw ProblemException.Refused("The answer can't be emailed", ["The contact who asked has no email address: send the answer without email."]);
        }

        var sender = who.UserId is { } userId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId) : null;
        var message = new MimeMessage { Subject = "Re: " + Excerpt(inquiry.Question, 80) };
        message.To.Add(new MailboxAddress(contact.FullName, contact.Email));
        if (sender?.Email is { Length: > 0 } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress(sender.DisplayName, replyTo));
        }

        message.Body = new TextPart("plain")
        {
            Text = $"{inquiry.Answer}\n\n{sender?.DisplayName}\n\n---\nYour question of {inquiry.ReceivedAt:yyyy-MM-dd}:\n{inquiry.Question}\n",
        };
        try
        {
            await mail.Mailer.SendAsync(message);
        }
        catch (Exception failure) when (failure is IOException or SocketException or ProtocolException or CommandException or MailKit.Security.AuthenticationException)
        {
            throw ProblemException.Refused("The email could not be sent", [$"{failure.Message} Nothing was recorded: try again, or send the answer without email."]);
        }

        return $"{contact.FullName} <{contact.Email}>";
    }

    internal static async Task LogAsync(SanusDb db, TimeProvider clock, AnswerMail mail, Inquiry inquiry, string recipient) =>
        await ActivityRules.CreateAsync(db, clock, mail.Settings, new ActivityRules.ActivityInput(
            ActivityTypes.Email,
            ActivityDirections.Outbound,
            "Answer sent: " + Excerpt(inquiry.Question, 120),
            At: inquiry.AnsweredAt,
            Body: $"To {recipient}:\n{inquiry.Answer}",
            CompanyIds: [inquiry.CompanyId],
            ContactIds: inquiry.ContactId is { } contact ? [contact] : null,
            DealIds: inquiry.DealId is { } deal ? [deal] : null));

    public static string Excerpt(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
