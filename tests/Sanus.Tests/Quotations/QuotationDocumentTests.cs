using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Activities;
using Sanus.Web.Platform.Signatures;
using UglyToad.PdfPig;

namespace Sanus.Tests.Quotations;

/// <summary>Q-4, Q-5: the issued PDF (read back with PdfPig), kept byte for byte, emailed to the deal's contacts, and evidence of acceptance.</summary>
public sealed class QuotationDocumentTests(MailApp app) : IClassFixture<MailApp>
{
    private DateOnly InAMonth => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);

    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => Squash(p.Text)));
    }

    private async Task<(QuotationDeal Deal, JsonElement Quotation, string Approver, HttpClient Manager)> IssuedAsync()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var created = await d.Admin.PostAsJsonAsync("/api/v1/quotations", QuotationDeal.ApiPlan(InAMonth, overallDiscount: 12.5m, deal: d.Deal));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var manager = await app.CreateUserAsync(roles: "Sales Manager");
        var managerClient = await app.ApiAs(manager.Email!);
        Assert.Equal(HttpStatusCode.OK, (await managerClient.PostAsJsonAsync($"/api/v1/quotations/{id}/approve", new { password = SanusApp.Password, meaning = SignatureMeanings.Approver })).StatusCode);
        var issued = await d.Admin.PostAsync($"/api/v1/quotations/{id}/issue", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return (d, await issued.Json(), manager.DisplayName, managerClient);
    }

    [Fact]
    public async Task The_issued_pdf_shows_number_customer_every_line_totals_and_the_approver_and_is_served_byte_for_byte()
    {
        var (d, quotation, approver, manager) = await IssuedAsync();
        var id = quotation.GetProperty("id").GetGuid();
        Assert.True(quotation.GetProperty("hasDocument").GetBoolean());

        var response = await d.Admin.GetAsync($"/api/v1/quotations/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Text(pdf);

        Assert.Contains(Squash(quotation.GetProperty("number").GetString()!), text, StringComparison.Ordinal);
        Assert.Contains(Squash(d.CompanyName), text, StringComparison.Ordinal);
        foreach (var line in quotation.GetProperty("lines").EnumerateArray())
        {
            Assert.Contains(Squash(line.GetProperty("description").GetString()!), text, StringComparison.Ordinal);
        }

        Assert.Contains("EUR110,500.00", text, StringComparison.Ordinal);
        Assert.Contains("EUR96,687.50", text, StringComparison.Ordinal);
        Assert.Contains("EUR20,304.38", text, StringComparison.Ordinal);
        Assert.Contains("EUR116,991.88", text, StringComparison.Ordinal);
        Assert.Contains(Squash(approver), text, StringComparison.Ordinal);
        Assert.Contains("EUMDR2017/745", text, StringComparison.Ordinal);

        // The stored bytes are served again, even after the revision is superseded; the new revision needs its own approval.
        var next = (await (await d.Admin.PostAsync($"/api/v1/quotations/{id}/revise", null)).Json()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await d.Admin.PostAsync($"/api/v1/quotations/{next}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/quotations/{next}/approve", new { password = SanusApp.Password, meaning = SignatureMeanings.Approver })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await d.Admin.PostAsync($"/api/v1/quotations/{next}/issue", null)).StatusCode);
        Assert.Equal("Superseded", (await d.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotations/{id}")).GetProperty("status").GetString());
        Assert.Equal(pdf, await d.Admin.GetByteArrayAsync($"/api/v1/quotations/{id}/pdf"));
    }

    [Fact]
    public async Task A_draft_pdf_is_a_preview_marked_draft()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var id = (await (await d.Admin.PostAsJsonAsync("/api/v1/quotations", QuotationDeal.ApiPlan(InAMonth, deal: d.Deal))).Json()).GetProperty("id").GetGuid();

        var text = Text(await d.Admin.GetByteArrayAsync($"/api/v1/quotations/{id}/pdf"));

        Assert.Contains("DRAFT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emailing_sends_the_stored_pdf_to_the_deals_contacts_and_logs_it_on_the_timeline()
    {
        var (d, quotation, _, _) = await IssuedAsync();
        var id = quotation.GetProperty("id").GetGuid();
        var subject = "Our offer " + Guid.NewGuid().ToString("N")[..6];

        var sent = await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{id}/email", new { subject });

        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
        var message = await app.Smtp.WaitForAsync(m => m.Subject == subject);
        Assert.NotNull(message);
        Assert.Single(message.Attachments);
        var logged = await app.WithDb(db => db.Set<Activity>().CountAsync(a => a.Subject == subject));
        Assert.Equal(1, logged);
    }

    [Fact]
    public async Task Acceptance_keeps_the_evidence_file()
    {
        var (d, quotation, _, _) = await IssuedAsync();
        var id = quotation.GetProperty("id").GetGuid();
        var evidence = "Signed purchase order"u8.ToArray();

        var accepted = await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{id}/accept", new
        {
            decidedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime),
            contactId = d.Contact,
            evidence = new { fileName = "order.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(evidence) },
        });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Offer Approved", await d.StageAsync());
        Assert.Equal(evidence, await d.Admin.GetByteArrayAsync($"/api/v1/quotations/{id}/evidence"));
    }
}
