using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Tests.Contracts;

/// <summary>CON-1, REC-3, REC-4: contracts from accepted quotations, the healthcare-provider clause, both signatures, revisions, numbering, partner scope.</summary>
public sealed class ContractTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static List<object> ClausesWithout(JsonElement contract, string key) =>
        [.. contract.GetProperty("clauses").EnumerateArray()
            .Where(c => c.GetProperty("key").GetString() != key)
            .Select(c => (object)new { key = c.GetProperty("key").GetString(), heading = c.GetProperty("heading").GetString(), text = c.GetProperty("text").GetString() })];

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, object body, int? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{id}") { Content = JsonContent.Create(body) };
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Contract_is_drafted_from_the_accepted_quotation_with_its_total_and_the_healthcare_clause()
    {
        var a = await ContractArrange.CreateAsync(app, totalMinor: 1_234_567);

        var contract = await a.CreateContractAsync();

        Assert.Matches(@"^CT-\d{4}-\d{4}$", contract.GetProperty("number").GetString());
        Assert.Equal(12345.67m, contract.GetProperty("agreedAmount").GetDecimal());
        Assert.Equal("EUR", contract.GetProperty("currency").GetString());
        Assert.Equal("Draft", contract.GetProperty("status").GetString());
        Assert.Equal(1, contract.GetProperty("revision").GetInt32());
        Assert.True(contract.GetProperty("hasHealthcareDeclaration").GetBoolean());
        var clause = contract.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("required").GetBoolean());
        Assert.StartsWith("The Customer declares that it is a healthcare provider", clause.GetProperty("text").GetString(), StringComparison.Ordinal);
        var listed = await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts?dealId={a.Deal}");
        Assert.Equal([contract.GetProperty("id").GetGuid()], listed.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Contract_from_a_quotation_the_customer_has_not_accepted_is_refused()
    {
        var a = await ContractArrange.CreateAsync(app, status: QuotationStatus.Issued);

        var refused = await a.Admin.PostAsJsonAsync("/api/v1/contracts", new { quotationId = a.Quotation });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var missing = (await refused.Json()).GetProperty("missing")[0].GetString()!;
        Assert.Contains(a.QuotationNumber, missing, StringComparison.Ordinal);
        Assert.Contains("not accepted", missing, StringComparison.Ordinal);
        Assert.Empty(await a.Admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/contracts?dealId={a.Deal}") ?? []);
    }

    [Fact]
    public async Task Contract_without_the_healthcare_provider_clause_cannot_be_signed_by_either_party()
    {
        var a = await ContractArrange.CreateAsync(app);
        var contract = await a.CreateContractAsync();
        var id = contract.GetProperty("id").GetGuid();
        var edited = await Put(a.Admin, id, new { clauses = ClausesWithout(contract, "healthcare-provider-declaration") }, contract.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.False((await edited.Json()).GetProperty("hasHealthcareDeclaration").GetBoolean());
        var manager = await a.UserAsync("General Manager");

        var ours = await ContractArrange.SignOurs(manager, id);
        var theirs = await a.RecordCustomer(id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ours.StatusCode);
        Assert.Contains((await ours.Json()).GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("healthcare-provider declaration clause", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, theirs.StatusCode);
        var stored = await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Empty(stored.GetProperty("ourSignatures").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("customerSignature").ValueKind);
    }

    [Fact]
    public async Task Our_signature_needs_contracts_sign_and_a_wrong_password_is_refused_and_audited()
    {
        var a = await ContractArrange.CreateAsync(app);
        var id = (await a.CreateContractAsync()).GetProperty("id").GetGuid();
        var accountManager = await a.UserAsync("Account Manager");
        var manager = await a.UserAsync("General Manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await ContractArrange.SignOurs(accountManager, id)).StatusCode);
        var wrong = await ContractArrange.SignOurs(manager, id, "Not-my-password-1");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Json()).GetProperty("errors").TryGetProperty("password", out _));
        var failures = await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Entity == "Contract" && e.EntityId == id.ToString() && e.Action == Signing.SignatureFailed));
        Assert.Equal(1, failures);
        var signed = await ContractArrange.SignOurs(manager, id);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var contract = await signed.Json();
        Assert.Equal("signer", contract.GetProperty("ourSignatures").EnumerateArray().Single().GetProperty("meaning").GetString());
        Assert.Equal("Draft", contract.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Both_signatures_sign_the_contract_move_the_deal_and_start_the_plan_on_the_later_date()
    {
        var a = await ContractArrange.CreateAsync(app);
        var id = (await a.CreateContractAsync()).GetProperty("id").GetGuid();
        var manager = await a.UserAsync("General Manager");
        Assert.Equal(HttpStatusCode.OK, (await ContractArrange.SignOurs(manager, id)).StatusCode);
        Assert.Equal("Implementation Defined", await a.DealStageAsync());
        app.Clock.Advance(TimeSpan.FromDays(2));
        var customerDate = a.Today.AddDays(-1);

        var recorded = await a.RecordCustomer(id, customerDate);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var contract = await recorded.Json();
        Assert.Equal("Signed", contract.GetProperty("status").GetString());
        Assert.Equal(customerDate, DateOnly.Parse(contract.GetProperty("contractDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Contract Signed", await a.DealStageAsync());
        var plan = await app.WithDb(db => db.Set<ImplementationPlan>().SingleAsync(p => p.ContractId == id));
        Assert.Equal($"R-009-001 {a.CompanyName} {customerDate:yyyyMMdd}", plan.Name);
        var file = await a.Admin.GetAsync($"/api/v1/contracts/{id}/customer-signature/file");
        Assert.Equal("%PDF-1.4 signed copy", await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Contract_document_prints_the_terms_every_clause_and_both_signatures()
    {
        var a = await ContractArrange.CreateAsync(app, totalMinor: 2_500_000);
        var (id, _) = await a.SignedContractAsync(firstInstalment: 5000m);
        var contract = await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");

        var response = await a.Admin.GetAsync($"/api/v1/contracts/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squash(contract.GetProperty("number").GetString()!), text, StringComparison.Ordinal);
        Assert.Contains(Squash(a.CompanyName), text, StringComparison.Ordinal);
        Assert.Contains(Squash("EUR 25,000.00"), text, StringComparison.Ordinal);
        Assert.Contains(Squash("First instalment of EUR 5,000.00"), text, StringComparison.Ordinal);
        Assert.All(contract.GetProperty("clauses").EnumerateArray(), clause => Assert.Contains(Squash(clause.GetProperty("text").GetString()!), text, StringComparison.Ordinal));
        Assert.Contains(Squash(contract.GetProperty("ourSignatures")[0].GetProperty("signerName").GetString()!), text, StringComparison.Ordinal);
        Assert.Contains(Squash("Lucia Vega for"), text, StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task A_signed_revision_cannot_be_edited_and_an_amendment_needs_new_signatures()
    {
        var a = await ContractArrange.CreateAsync(app);
        var contract = await a.CreateContractAsync();
        var id = contract.GetProperty("id").GetGuid();
        var manager = await a.UserAsync("General Manager");
        Assert.Equal(HttpStatusCode.OK, (await ContractArrange.SignOurs(manager, id)).StatusCode);
        var clauses = ClausesWithout(contract, "law");

        var edit = await Put(a.Admin, id, new { clauses });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Contains("amend", (await edit.Json()).GetProperty("missing")[0].GetString()!, StringComparison.Ordinal);
        var amended = await a.Admin.PostAsync($"/api/v1/contracts/{id}/amend", null);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var revision2 = await amended.Json();
        Assert.Equal(2, revision2.GetProperty("revision").GetInt32());
        Assert.Empty(revision2.GetProperty("ourSignatures").EnumerateArray());
        Assert.Single(revision2.GetProperty("earlierSignatures").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Put(a.Admin, id, new { clauses })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ContractArrange.SignOurs(manager, id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.RecordCustomer(id)).StatusCode);

        var signed = await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal("Signed", signed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Put(a.Admin, id, new { clauses })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await a.Admin.PostAsync($"/api/v1/contracts/{id}/amend", null)).StatusCode);
    }

    [Fact]
    public async Task Contract_numbers_are_sequential_and_a_refused_draft_leaves_no_gap()
    {
        var a = await ContractArrange.CreateAsync(app);
        var first = (await a.CreateContractAsync()).GetProperty("number").GetString()!;

        var duplicate = await a.Admin.PostAsJsonAsync("/api/v1/contracts", new { quotationId = a.Quotation });
        var (other, _) = await a.AddQuotationAsync(50_000);
        var second = (await a.CreateContractAsync(quotation: other)).GetProperty("number").GetString()!;

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(int.Parse(first[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(second[^4..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first[..8], second[..8]);
    }

    [Fact]
    public async Task A_partner_cannot_see_or_act_on_another_customers_contract()
    {
        var a = await ContractArrange.CreateAsync(app);
        var id = (await a.CreateContractAsync()).GetProperty("id").GetGuid();
        var distributor = (await (await a.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "Distribuidora " + Guid.NewGuid().ToString("N")[..6], country = "ES", website = $"{Guid.NewGuid():N}.example", kind = "distributor" })).Json()).GetProperty("id").GetGuid();
        var partner = await app.ApiAs((await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner")).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/contracts/{id}/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync("/api/v1/contracts", new { quotationId = a.Quotation })).StatusCode);
        Assert.Empty(await partner.GetFromJsonAsync<JsonElement[]>($"/api/v1/contracts?dealId={a.Deal}") ?? []);
    }
}
