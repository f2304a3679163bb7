using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Tests.Quotations;

/// <summary>Q-2..Q-5, Q-3, REC-3, REC-4, DL-4: quotations through the API, on the database under test.</summary>
public sealed class QuotationTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateOnly InAMonth => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/quotations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    private static Guid Id(JsonElement quotation) => quotation.GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> Issue(HttpClient client, Guid id) => await client.PostAsync($"/api/v1/quotations/{id}/issue", null);

    private static object Approval(string password = SanusApp.Password) => new { password, meaning = SignatureMeanings.Approver };

    private static async Task<HttpResponseMessage> Edit(HttpClient client, JsonElement quotation, Action<Dictionary<string, object?>> change)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(quotation.GetRawText())!;
        change(body);
        return await client.PutAsJsonAsync($"/api/v1/quotations/{Id(quotation)}", body);
    }

    [Fact]
    public async Task An_api_quotation_gets_a_number_lines_per_tier_and_system_totals()
    {
        var d = await QuotationDeal.CreateAsync(app);

        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal));

        Assert.Matches(@"^Q-\d{4}-\d{4}$", quotation.GetProperty("number").GetString());
        Assert.Equal(1, quotation.GetProperty("revision").GetInt32());
        Assert.Equal("Draft", quotation.GetProperty("status").GetString());
        Assert.Equal(4, quotation.GetProperty("lines").GetArrayLength());
        var totals = quotation.GetProperty("totals");
        Assert.Equal(110_500.00m, totals.GetProperty("subtotal").GetDecimal());
        Assert.Equal(23_205.00m, totals.GetProperty("taxes")[0].GetProperty("tax").GetDecimal());
        Assert.Equal(133_705.00m, totals.GetProperty("grandTotal").GetDecimal());
        Assert.Equal(13_370_500, quotation.GetProperty("totalMinor").GetInt64());
        var listed = await d.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{d.Deal}/quotations");
        Assert.Equal(Id(quotation), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Equipment_lines_take_price_sku_unit_and_regulation_from_the_catalogue_never_typed()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var (product, sku) = await QuotationDeal.ProductAsync(app);

        var quotation = await CreateAsync(d.Admin, new
        {
            dealId = d.Deal,
            template = "equipment",
            channel = "direct",
            currency = "EUR",
            validUntil = InAMonth,
            lines = new[] { new { productId = product, quantity = 4m, unitPrice = 1m, discountPercent = 5m, taxRatePercent = 10m } },
        });

        var line = Assert.Single(quotation.GetProperty("lines").EnumerateArray());
        Assert.Equal(1250.00m, line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(sku, line.GetProperty("sku").GetString());
        Assert.Equal("set", line.GetProperty("unit").GetString());
        Assert.Equal("EU MDR 2017/745, class III", quotation.GetProperty("referenceRegulation").GetString());
        Assert.Equal(5_225.00m, quotation.GetProperty("totals").GetProperty("grandTotal").GetDecimal());

        // Five units reach the next tier of the price list.
        var more = await Edit(d.Admin, quotation, body => body["lines"] = new[] { new { productId = product, quantity = 5m, taxRatePercent = 10m } });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Equal(6_050.00m, (await more.Json()).GetProperty("totals").GetProperty("grandTotal").GetDecimal());

        var noProduct = await d.Admin.PostAsJsonAsync("/api/v1/quotations", new { dealId = d.Deal, template = "equipment", validUntil = InAMonth, lines = new[] { new { description = "Typed", quantity = 1m, unitPrice = 10m } } });
        Assert.Equal(HttpStatusCode.BadRequest, noProduct.StatusCode);
        Assert.True((await noProduct.Json()).GetProperty("errors").TryGetProperty("lines[0].productId", out _));
    }

    [Fact]
    public async Task Fields_are_named_when_refused()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var refused = await d.Admin.PostAsJsonAsync("/api/v1/quotations", new
        {
            dealId = d.Deal,
            template = "clinical-trial",
            validUntil = today,
            currency = "euro",
            lines = new[] { new { description = "", quantity = 0m, unit = "site", unitPrice = -1m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Json()).GetProperty("errors");
        foreach (var field in new[] { "validUntil", "currency", "lines[0].description", "lines[0].quantity", "lines[0].unitPrice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Above_the_limit_needs_an_approvers_signature_and_an_edit_afterwards_needs_a_new_one()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var manager = await app.CreateUserAsync(roles: "Sales Manager");
        var salesManager = await app.ApiAs(manager.Email!);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, overallDiscount: 12.5m, deal: d.Deal));
        var id = Id(quotation);
        Assert.Equal("Awaiting approval", quotation.GetProperty("status").GetString());
        Assert.True(quotation.GetProperty("approval").GetProperty("required").GetBoolean());

        var notYet = await Issue(d.Admin, id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notYet.StatusCode);
        Assert.Contains("approval", (await notYet.Json()).GetProperty("missing")[0].GetString(), StringComparison.Ordinal);

        var approved = await salesManager.PostAsJsonAsync($"/api/v1/quotations/{id}/approve", Approval());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var afterApproval = await approved.Json();
        Assert.Equal("Approved", afterApproval.GetProperty("status").GetString());
        Assert.Equal(manager.DisplayName, Assert.Single(afterApproval.GetProperty("signatures").EnumerateArray()).GetProperty("signerName").GetString());

        // Raising the discount after approval: the signature no longer matches this content.
        var edited = await Edit(d.Admin, afterApproval, body => body["overallDiscountPercent"] = 15m);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var changed = await edited.Json();
        Assert.Equal("Awaiting approval", changed.GetProperty("status").GetString());
        Assert.False(changed.GetProperty("approval").GetProperty("approved").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Issue(d.Admin, id)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await salesManager.PostAsJsonAsync($"/api/v1/quotations/{id}/approve", Approval())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, id)).StatusCode);
        Assert.Equal("Offer Sent", await d.StageAsync());
    }

    [Fact]
    public async Task At_or_below_the_limit_the_owner_issues_directly()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, overallDiscount: 10m, deal: d.Deal));

        Assert.Equal("Draft", quotation.GetProperty("status").GetString());
        Assert.False(quotation.GetProperty("approval").GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(quotation)}/approve", Approval(SanusApp.AdminPassword))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(quotation))).StatusCode);
    }

    [Fact]
    public async Task Approval_needs_quotes_approve_and_a_wrong_password_is_refused_and_audited()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, overallDiscount: 20m, deal: d.Deal));
        var id = Id(quotation);
        var developer = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var manager = await app.CreateUserAsync(roles: "Sales Manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PostAsJsonAsync($"/api/v1/quotations/{id}/approve", Approval())).StatusCode);

        var wrong = await (await app.ApiAs(manager.Email!)).PostAsJsonAsync($"/api/v1/quotations/{id}/approve", Approval("not-my-password"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Json()).GetProperty("errors").TryGetProperty("password", out _));
        var audited = await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == Signing.SignatureFailed && e.EntityId == id.ToString() && e.UserId == manager.Id));
        Assert.Equal(1, audited);
        var still = await d.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotations/{id}");
        Assert.Equal("Awaiting approval", still.GetProperty("status").GetString());
        Assert.Empty(still.GetProperty("signatures").EnumerateArray());
    }

    [Fact]
    public async Task The_discount_limit_is_set_by_pricing_manage()
    {
        var developer = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var manager = await app.ApiAs((await app.CreateUserAsync(roles: "Sales Manager")).Email!);
        var d = await QuotationDeal.CreateAsync(app);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, overallDiscount: 15m, deal: d.Deal));
        Assert.Equal("Awaiting approval", quotation.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PutAsJsonAsync("/api/v1/quotations/settings", new { discountLimitPercent = 50m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync("/api/v1/quotations/settings", new { discountLimitPercent = 120m })).StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/v1/quotations/settings", new { discountLimitPercent = 20m })).StatusCode);
            var now = await d.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotations/{Id(quotation)}");
            Assert.False(now.GetProperty("approval").GetProperty("required").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(quotation))).StatusCode);
        }
        finally
        {
            await manager.PutAsJsonAsync("/api/v1/quotations/settings", new { discountLimitPercent = 10m });
        }
    }

    [Fact]
    public async Task An_issued_revision_is_frozen_and_revising_it_supersedes_it_when_the_new_one_is_issued()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var first = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal));
        var issued = await (await Issue(d.Admin, Id(first))).Json();
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
        Assert.Equal("Offer Sent", await d.StageAsync());

        var refused = await Edit(d.Admin, issued, body => body["terms"] = "Changed after issue");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("frozen", (await refused.Json()).GetProperty("title").GetString(), StringComparison.Ordinal);

        var revised = await d.Admin.PostAsync($"/api/v1/quotations/{Id(first)}/revise", null);
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var second = await revised.Json();
        Assert.Equal(first.GetProperty("number").GetString(), second.GetProperty("number").GetString());
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal("Draft", second.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await d.Admin.PostAsync($"/api/v1/quotations/{Id(first)}/revise", null)).StatusCode);

        var edited = await Edit(d.Admin, second, body => body["terms"] = "Net 45");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(second))).StatusCode);

        var old = await d.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotations/{Id(first)}");
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        Assert.Equal("Invoiced monthly in arrears. Net 30.", old.GetProperty("terms").GetString());
        Assert.Equal(["Superseded", "Issued"], old.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        var decision = new { decidedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), contactId = d.Contact };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(first)}/accept", decision)).StatusCode);
    }

    [Fact]
    public async Task Acceptance_moves_the_deal_to_offer_approved_once_per_deal()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var one = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal));
        var two = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal));
        Assert.Equal("Implementation Defined", await d.StageAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var decision = new { decidedOn = today, contactId = d.Contact, note = "Signed order received" };

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(one)}/accept", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(one))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(two))).StatusCode);
        Assert.Equal("Offer Sent", await d.StageAsync());

        var noContact = await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(one)}/accept", new { decidedOn = today.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        var errors = (await noContact.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("contactId", out _));
        Assert.True(errors.TryGetProperty("decidedOn", out _));

        var accepted = await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(one)}/accept", decision);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.Json();
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        Assert.Equal(d.Contact, body.GetProperty("decidedByContactId").GetGuid());
        Assert.Equal("Offer Approved", await d.StageAsync());

        Assert.Equal(HttpStatusCode.Conflict, (await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(two)}/accept", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(two)}/reject", decision)).StatusCode);
    }

    [Fact]
    public async Task An_expired_revision_cannot_be_accepted()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(today.AddDays(1), deal: d.Deal));
        Assert.Equal(HttpStatusCode.OK, (await Issue(d.Admin, Id(quotation))).StatusCode);

        // Time only moves forward: the other tests date their quotations from the clock.
        app.Clock.Advance(TimeSpan.FromDays(3));

        var late = await d.Admin.PostAsJsonAsync($"/api/v1/quotations/{Id(quotation)}/accept", new { decidedOn = today.AddDays(2), contactId = d.Contact });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("valid until", (await late.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_parallel_creations_get_twenty_consecutive_numbers()
    {
        var d = await QuotationDeal.CreateAsync(app);

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal)))));

        var numbers = created.Select(q => int.Parse(q.GetProperty("number").GetString()![^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
    }

    [Fact]
    public async Task A_partner_of_another_distributor_gets_404()
    {
        var admin = await app.ApiAsAdmin();
        async Task<Guid> Company(string kind) =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"{kind} {Guid.NewGuid():N}"[..30], country = "ES", website = $"{Guid.NewGuid():N}.example", kind })).Json()).GetProperty("id").GetGuid();
        var ours = await Company("distributor");
        var theirs = await Company("distributor");
        var customer = await Company("end-customer");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{ours}/relationships", new { toCompanyId = customer, type = "distributor-of" })).StatusCode);
        var d = await QuotationDeal.CreateAsync(app, admin, customer);
        var quotation = Id(await CreateAsync(admin, QuotationDeal.ApiPlan(InAMonth, deal: d.Deal)));
        var ourPartner = await app.ApiAs((await app.CreateUserAsync(partnerCompanyId: ours, roles: "Channel Partner")).Email!);
        var theirPartner = await app.ApiAs((await app.CreateUserAsync(partnerCompanyId: theirs, roles: "Channel Partner")).Email!);

        Assert.Equal(HttpStatusCode.OK, (await ourPartner.GetAsync($"/api/v1/quotations/{quotation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirPartner.GetAsync($"/api/v1/quotations/{quotation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirPartner.PostAsync($"/api/v1/quotations/{quotation}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirPartner.GetAsync($"/api/v1/deals/{d.Deal}/quotations")).StatusCode);
    }

    [Fact]
    public async Task The_deal_page_lists_revisions_and_the_quotation_page_shows_lines_totals_and_approval()
    {
        var d = await QuotationDeal.CreateAsync(app);
        var quotation = await CreateAsync(d.Admin, QuotationDeal.ApiPlan(InAMonth, overallDiscount: 12.5m, deal: d.Deal));
        var manager = await app.CreateUserAsync(roles: "Sales Manager");
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await WebSignIn.PostAsync(browser, manager.Email!, SanusApp.Password)).StatusCode);

        var dealPage = await browser.GetStringAsync($"/deals/{d.Deal}");
        Assert.Contains($"quotations/{Id(quotation)}", dealPage, StringComparison.Ordinal);
        Assert.Contains("id=\"quotation-new\"", dealPage, StringComparison.Ordinal);

        var page = await browser.GetStringAsync($"/quotations/{Id(quotation)}");
        Assert.Contains(quotation.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("Awaiting approval", page, StringComparison.Ordinal);
        Assert.Contains("EUR 116,991.88", page, StringComparison.Ordinal);
        Assert.Contains("id=\"quotation-approve\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"quotation-issue\"", page, StringComparison.Ordinal);
        Assert.Equal(4, page.Split("data-test=\"quotation-line\"").Length - 1);

        var newPage = await browser.GetStringAsync($"/deals/{d.Deal}/quotations/new");
        Assert.Contains("T-009-002", newPage, StringComparison.Ordinal);
        Assert.Contains("T-009-004", newPage, StringComparison.Ordinal);
    }
}
