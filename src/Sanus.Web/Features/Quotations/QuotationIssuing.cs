using Sanus.Web.Data;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Documents;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Quotations;

/// <summary>Q-4: issuing with the document, serving it and emailing it, for the API and the page alike.</summary>
public static class QuotationIssuing
{
    public sealed record EmailInput(string? Subject, string? Body, IReadOnlyList<Guid>? ContactIds);

    /// <summary>Issues the revision and keeps the PDF drawn at that moment; the same bytes are served ever after.</summary>
    public static Task<Quotation> IssueAsync(SanusDb db, TimeProvider clock, DocumentHeader issuer, Guid id, int? expectedVersion) =>
        QuotationRules.IssueAsync(db, clock, id, expectedVersion, async (context, quotation) =>
        {
            var pdf = RecordPdf.Render(await QuotationDocument.BuildAsync(context, issuer, quotation));
            var file = await FileStore.SaveAsync(context, QuotationDocument.FileName(quotation), "application/pdf", pdf, context.CurrentUser.Id, clock);
            return file.Id;
        });

    /// <summary>The stored PDF of an issued revision; a draft gets a preview marked DRAFT, drawn now and kept nowhere.</summary>
    public static async Task<(string FileName, byte[] Bytes, StoredFile? Stored)> PdfAsync(SanusDb db, DocumentHeader issuer, Guid id)
    {
        var quotation = await QuotationRules.GetAsync(db, id);
        if (quotation.DocumentFileId is { } fileId && await FileStore.FindAsync(db, fileId) is { } stored)
        {
            return (stored.FileName, stored.Bytes, stored);
        }

        return ($"{quotation.Number}-rev{quotation.Revision}-draft.pdf", RecordPdf.Render(await QuotationDocument.BuildAsync(db, issuer, quotation, "DRAFT")), null);
    }

    /// <summary>Emails the issued PDF to the deal's contacts (or the ones chosen); logged on the timeline by DocumentMail.</summary>
    public static async Task EmailAsync(SanusDb db, Mailer mailer, TimeProvider clock, Guid id, EmailInput input)
    {
        var quotation = await QuotationRules.GetAsync(db, id);
        if (quotation.DocumentFileId is not { } fileId || await FileStore.FindAsync(db, fileId) is not { } stored)
        {
            throw ProblemException.Refused("Only an issued quotation is emailed", [$"Revision {quotation.Revision} of {quotation.Number} is {quotation.Status.ToLowerInvariant()}: issue it first."]);
        }

        var deal = await DealRules.GetAsync(db, quotation.DealId);
        var contacts = input.ContactIds is { Count: > 0 } chosen ? chosen : [.. deal.Contacts.Select(c => c.ContactId)];
        var subject = string.IsNullOrWhiteSpace(input.Subject) ? $"Quotation {quotation.Number} revision {quotation.Revision}" : input.Subject;
        var body = string.IsNullOrWhiteSpace(input.Body)
            ? $"Please find attached our quotation {quotation.Number} (revision {quotation.Revision}), valid until {quotation.ValidUntil:yyyy-MM-dd}."
            : input.Body;
        await DocumentMail.SendAsync(db, mailer, clock, new DocumentMessage(subject, body, contacts, stored.FileName, stored.Bytes, deal.CompanyId, deal.Id));
    }
}
