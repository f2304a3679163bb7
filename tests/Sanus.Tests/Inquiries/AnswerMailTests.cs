using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Activities;
using static Sanus.Tests.Inquiries.InquiryArrange;

namespace Sanus.Tests.Inquiries;

/// <summary>INQ-1, INT-3: the final answer can be emailed to the contact who asked, and the email is logged on the deal's timeline.</summary>
public sealed class AnswerMailTests(MailApp app) : IClassFixture<MailApp>
{
    [Fact]
    public async Task The_final_answer_is_emailed_to_the_asking_contact_and_logged_on_the_deal()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync("Is the API available on premises?");
        var answer = "Yes: a dedicated on-premises node is available. " + Guid.NewGuid().ToString("N")[..6];

        await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer, email = true }));

        var mail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(to => to.Address == a.ContactEmail) && (m.TextBody ?? "").Contains(answer, StringComparison.Ordinal));
        Assert.NotNull(mail);
        Assert.Equal("Re: Is the API available on premises?", mail.Subject);
        var logged = await app.WithDb(db => db.Set<Activity>().Include(x => x.Deals)
            .Where(x => x.Type == ActivityTypes.Email && x.Deals.Any(d => d.DealId == a.Deal)).Select(x => x.Body).ToListAsync());
        Assert.Contains(logged, body => body!.Contains(answer, StringComparison.Ordinal) && body.Contains(a.ContactEmail, StringComparison.Ordinal));
    }
}
