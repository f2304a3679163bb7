using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Documents;

/// <summary>A document to email: the text, who gets it (contacts), the attachment and the records it belongs to.</summary>
public sealed record DocumentMessage(
    string Subject,
    string Body,
    IReadOnlyList<Guid> ContactIds,
    string AttachmentName,
    byte[] Attachment,
    Guid? CompanyId,
    Guid? DealId);

/// <summary>
/// Emails a document (a quotation, a contract) to a record's contacts over SMTP (INT-3) and logs the email on the
/// timeline of the company, the deal and the contacts (ACT-1), as "we initiated".
/// </summary>
public static class DocumentMail
{
    private const int MaxSubject = 300;
    private const int MaxBody = 15_000;

    // Only meetings use the reminder setting; an email activity has no reminder.
    private static readonly MeetingSettings NoReminder = new(0);

    /// <summary>
    /// Checks everything before the email leaves (nothing can be taken back after), sends it, then logs it. The log is
    /// saved with SaveChanges, which also saves what the caller changed in <paramref name="db"/> (e.g. a quotation
    /// marked as sent).
    /// </summary>
    public static async Task<Activity> SendAsync(SanusDb db, Mailer mailer, TimeProvider clock, DocumentMessage message)
    {
        if (!mailer.IsConfigured)
        {
            throw ProblemException.Refused("Email is not set up", ["Ask an administrator to set Smtp:Host, Smtp:Port and Smtp:From; until then, download the document and send it yourself."]);
        }

        var contacts = await RecipientsAsync(db, message);
        await CheckRecordsAsync(db, message);
        var attachmentName = FileStore.SafeName(message.AttachmentName);

        var email = new MimeMessage { Subject = message.Subject.Trim() };
        if (await SenderAsync(db) is { } sender)
        {
            email.ReplyTo.Add(sender);
        }

        email.To.AddRange(contacts.Select(c => new MailboxAddress(c.FullName, c.Email)));
        var attachment = new MimePart(MimeTypes.GetMimeType(attachmentName))
        {
            Content = new MimeContent(new MemoryStream(message.Attachment)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachmentName,
        };
        email.Body = new Multipart("mixed") { new TextPart("plain") { Text = message.Body ?? "" }, attachment };
        await mailer.SendAsync(email, CancellationToken.None);

        var sentTo = string.Join(", ", contacts.Select(c => $"{c.FullName} <{c.Email}>"));
        var size = string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, message.Attachment.Length / 1024):N0} KB");
        return await ActivityRules.CreateAsync(db, clock, NoReminder, new ActivityRules.ActivityInput(
            ActivityTypes.Email,
            ActivityDirections.Outbound,
            email.Subject,
            At: clock.GetUtcNow().UtcDateTime,
            Body: $"Sent to {sentTo} with {attachmentName} ({size}) attached.\n\n{message.Body}".TrimEnd(),
            CompanyIds: message.CompanyId is { } companyId ? [companyId] : [],
            ContactIds: contacts.Select(c => c.Id).ToList(),
            DealIds: message.DealId is { } dealId ? [dealId] : []));
    }

    /// <summary>The contacts the caller may see, each with an email; anything else is refused on the field it came from.</summary>
    private static async Task<List<Contact>> RecipientsAsync(SanusDb db, DocumentMessage message)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Trim().Length > MaxSubject)
        {
            errors["subject"] = [$"Give the email a subject (at most {MaxSubject} characters)."];
        }

        if (message.Body is { Length: > MaxBody })
        {
            errors["body"] = [$"Keep the message under {MaxBody:N0} characters; the document carries the details."];
        }

        if (message.Attachment is not { Length: > 0 })
        {
            errors["attachment"] = ["There is no document to attach."];
        }

        var ids = (message.ContactIds ?? []).Distinct().ToList();
        var contacts = ids.Count == 0
            ? []
            : await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.SortName).ToListAsync();
        var problems = new List<string>();
        if (ids.Count == 0)
        {
            problems.Add("Choose at least one contact to send the document to.");
        }

        if (contacts.Count < ids.Count)
        {
            problems.Add("One of the contacts doesn't exist or you may not see it.");
        }

        problems.AddRange(contacts.Where(c => string.IsNullOrWhiteSpace(c.Email)).Select(c => $"{c.FullName} has no email address; add one or choose another contact."));
        if (problems.Count > 0)
        {
            errors["contactIds"] = [.. problems];
        }

        return errors.Count > 0 ? throw ProblemException.Invalid(errors) : contacts;
    }

    /// <summary>The company and deal the email is logged on must be ones the caller may see.</summary>
    private static async Task CheckRecordsAsync(SanusDb db, DocumentMessage message)
    {
        if (message.CompanyId is { } companyId && !await db.Set<Company>().AnyAsync(c => c.Id == companyId))
        {
            throw ProblemException.NotFound("company");
        }

        if (message.DealId is { } dealId && !await db.Set<Deal>().AnyAsync(d => d.Id == dealId))
        {
            throw ProblemException.NotFound("deal");
        }
    }

    /// <summary>Replies go to the user who sent the document, not to the system mailbox.</summary>
    private static async Task<MailboxAddress?> SenderAsync(SanusDb db)
    {
        var userId = db.CurrentUserId;
        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        return user?.Email is { Length: > 0 } address ? new MailboxAddress(user.DisplayName ?? address, address) : null;
    }
}
