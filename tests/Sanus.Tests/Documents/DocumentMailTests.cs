using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Sanus.Tests.Activities;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Data;
using Sanus.Web.DemoData;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Documents;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;
using UglyToad.PdfPig;

namespace Sanus.Tests.Documents;

/// <summary>Q-4/CON-1 with INT-3 and ACT-1: a document emailed to a record's contacts over SMTP and logged on its timeline.</summary>
public sealed class DocumentMailTests(MailApp app) : IClassFixture<MailApp>
{
    private static readonly byte[] Pdf = RecordPdf.Render(SampleDocuments.Quotation());

    /// <summary>Runs the use case as a signed-in user, the way an endpoint or a page does.</summary>
    private async Task<T> AsUser<T>(string userId, string email, Guid? partnerCompanyId, Func<SanusDb, Mailer, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, email)];
        if (partnerCompanyId is { } partner)
        {
            claims.Add(new Claim(CurrentUser.PartnerClaim, partner.ToString()));
        }

        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return await work(scope.ServiceProvider.GetRequiredService<SanusDb>(), scope.ServiceProvider.GetRequiredService<Mailer>());
    }

    private async Task<T> AsAdmin<T>(Func<SanusDb, Mailer, Task<T>> work)
    {
        var adminId = await app.WithDb(db => db.Users.Where(u => u.Email == FirstRun.AdminEmail).Select(u => u.Id).SingleAsync());
        return await AsUser(adminId, FirstRun.AdminEmail, null, work);
    }

    private static DocumentMessage Message(string subject, IReadOnlyList<Guid> contacts, Guid? company = null, Guid? deal = null) =>
        new(subject, "Dear Dr. Ruiz,\n\nplease find our quotation attached.", contacts, "Quotation Q-2026-0042 rev. 2.pdf", Pdf, company, deal);

    private int Sent(string subject) => app.Smtp.Messages.Count(m => m.Subject == subject);

    [Fact]
    public async Task The_pdf_goes_to_every_contact_over_smtp_and_the_email_is_logged_on_company_deal_and_contacts()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var deal = await a.DealAsync();
        var second = await Arranged.NewContactAsync(a.Client, a.Company);
        var subject = "Quotation Q-2026-0042 rev. 2 " + Guid.NewGuid().ToString("N")[..6];

        var activity = await AsAdmin((db, mailer) => DocumentMail.SendAsync(db, mailer, app.Clock, Message(subject, [a.Contact, second.Id], a.Company, deal)));

        var message = await app.Smtp.WaitForAsync(m => m.Subject == subject);
        Assert.NotNull(message);
        Assert.Equal(new[] { a.ContactEmail, second.Email }.Order(), message.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal("crm@sanus.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(FirstRun.AdminEmail, Assert.Single(message.ReplyTo.Mailboxes).Address, ignoreCase: true);
        Assert.Contains("please find our quotation attached", message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal("Quotation Q-2026-0042 rev. 2.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(Pdf, content.ToArray());
        using (var pdf = PdfDocument.Open(content.ToArray()))
        {
            Assert.Contains("Q-2026-0042", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }

        Assert.Equal(ActivityTypes.Email, activity.Type);
        Assert.Equal(ActivityDirections.Outbound, activity.Direction);
        foreach (var record in new[] { $"companyId={a.Company}", $"dealId={deal}", $"contactId={second.Id}" })
        {
            var timeline = (await TimelineTests.PageAsync(a.Client, record, 50)).Items;
            var logged = Assert.Single(timeline, i => i.GetProperty("title").GetString() == subject);
            Assert.Equal("email", logged.GetProperty("activityType").GetString());
        }
    }

    [Fact]
    public async Task A_contact_without_email_or_out_of_the_callers_scope_is_refused_and_nothing_is_sent()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var noEmail = await Arranged.NewContactAsync(a.Client, a.Company);
        await app.WithDb(db => db.Set<Contact>().Where(c => c.Id == noEmail.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, "")));
        var subject = "Refused " + Guid.NewGuid().ToString("N")[..6];

        var refused = await Assert.ThrowsAsync<ProblemException>(() => AsAdmin((db, mailer) => DocumentMail.SendAsync(db, mailer, app.Clock, Message(subject, [a.Contact, noEmail.Id], a.Company))));
        Assert.Equal(400, refused.Status);
        Assert.Contains("Ana Ruiz has no email address", Assert.Single(refused.Errors["contactIds"]), StringComparison.Ordinal);

        var distributor = await Arranged.CreateAsync(a.Client);
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor.Company);
        var outOfScope = await Assert.ThrowsAsync<ProblemException>(() =>
            AsUser(partner.Id, partner.Email!, distributor.Company, (db, mailer) => DocumentMail.SendAsync(db, mailer, app.Clock, Message(subject, [a.Contact]))));
        Assert.Equal(400, outOfScope.Status);
        Assert.True(outOfScope.Errors.ContainsKey("contactIds"));

        var nobody = await Assert.ThrowsAsync<ProblemException>(() => AsAdmin((db, mailer) => DocumentMail.SendAsync(db, mailer, app.Clock, Message(subject, []))));
        Assert.True(nobody.Errors.ContainsKey("contactIds"));

        await Task.Delay(200);
        Assert.Equal(0, Sent(subject));
        var timeline = (await TimelineTests.PageAsync(a.Client, $"companyId={a.Company}", 50)).Items;
        Assert.DoesNotContain(timeline, i => i.GetProperty("title").GetString() == subject);
    }

    [Fact]
    public async Task Without_smtp_settings_sending_is_refused_with_a_clear_problem()
    {
        var a = await Arranged.CreateAsync(await app.ApiAsAdmin());
        var unconfigured = new Mailer(Options.Create(new SmtpSettings()));

        var refused = await Assert.ThrowsAsync<ProblemException>(() => AsAdmin((db, _) => DocumentMail.SendAsync(db, unconfigured, app.Clock, Message("No SMTP", [a.Contact], a.Company))));

        Assert.Equal(422, refused.Status);
        Assert.Equal("Email is not set up", refused.Title);
        var timeline = (await TimelineTests.PageAsync(a.Client, $"companyId={a.Company}", 50)).Items;
        Assert.DoesNotContain(timeline, i => i.GetProperty("title").GetString() == "No SMTP");
    }
}
