using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Quotations;

namespace Sanus.Tests.Contracts;

/// <summary>CON-2: feasibility signed by JD-003, then the replacement quotation or the customer informed and the outcome, in order and by the right role.</summary>
public sealed class ChangeRequestTests(SanusApp app) : IClassFixture<SanusApp>
{
    private sealed record Arranged(ContractArrange A, Guid Contract, HttpClient Design, HttpClient Sales, HttpClient General);

    private async Task<Arranged> ArrangeAsync()
    {
        var a = await ContractArrange.CreateAsync(app);
        var (contract, general) = await a.SignedContractAsync();
        return new Arranged(a, contract, await a.UserAsync("Design and Development Manager"), await a.UserAsync("Sales Manager"), general);
    }

    private static async Task<JsonElement> Log(Arranged x, string description = "Add a second reading site")
    {
        var response = await x.A.Admin.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests", new { description, requestedByContactId = x.A.Contact, receivedOn = x.A.Today });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private static Task<HttpResponseMessage> Decide(HttpClient client, Arranged x, Guid change, bool feasible, string password = SanusApp.Password) =>
        client.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{change}/feasibility",
            new { feasible, rationale = feasible ? "Fits the validated configuration" : "Would change the intended purpose", password, meaning = "approver" });

    private static Task<HttpResponseMessage> Inform(HttpClient client, Arranged x, Guid change, object body) =>
        client.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{change}/customer-informed", body);

    private static async Task<JsonElement> Contract(Arranged x) => await x.A.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{x.Contract}");

    [Fact]
    public async Task Feasible_change_cancels_the_contract_quotation_and_names_the_new_revision()
    {
        var x = await ArrangeAsync();
        var change = await Log(x);
        var id = change.GetProperty("id").GetGuid();
        Assert.Matches(@"^CR-\d{4}-\d{4}$", change.GetProperty("number").GetString());

        var decided = await Decide(x.Design, x, id, feasible: true);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var decision = await decided.Json();
        Assert.Equal("approver", decision.GetProperty("feasibilitySignature").GetProperty("meaning").GetString());
        var (replacement, _) = await x.A.AddQuotationAsync(1_200_000, QuotationStatus.Issued, x.A.QuotationNumber, revision: 2, issuedAgo: TimeSpan.FromHours(1));

        var replaced = await x.Sales.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{id}/replacement", new { quotationId = replacement });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var view = await replaced.Json();
        Assert.Equal(["Logged", "Feasibility decided", "Replacement quotation"], view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Contains($"{x.A.QuotationNumber} revision 2 replaces {x.A.QuotationNumber} revision 1", view.GetProperty("steps")[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var previous = await app.WithDb(db => db.Set<Quotation>().SingleAsync(q => q.Id == x.A.Quotation));
        Assert.Equal(QuotationStatus.Cancelled, previous.Status);
        Assert.Single((await Contract(x)).GetProperty("changeRequests").EnumerateArray());
    }

    [Fact]
    public async Task Not_feasible_change_with_service_continuing_closes_the_request()
    {
        var x = await ArrangeAsync();
        var id = (await Log(x)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Decide(x.Design, x, id, feasible: false)).StatusCode);

        var informed = await Inform(x.Sales, x, id, new { informedOn = x.A.Today, note = "Called the COO; they keep the current scope", outcome = "service-continues" });

        Assert.Equal(HttpStatusCode.OK, informed.StatusCode);
        Assert.Equal("Closed, service continues", (await informed.Json()).GetProperty("status").GetString());
        Assert.Equal("Signed", (await Contract(x)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Not_feasible_change_can_cancel_the_contract_with_the_costs_attributable_to_the_client()
    {
        var x = await ArrangeAsync();
        var id = (await Log(x)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Decide(x.Design, x, id, feasible: false)).StatusCode);

        var missingCosts = await Inform(x.Sales, x, id, new { informedOn = x.A.Today, note = "Customer withdraws", outcome = "contract-cancelled", cancelledOn = x.A.Today });
        Assert.Equal(HttpStatusCode.BadRequest, missingCosts.StatusCode);
        Assert.True((await missingCosts.Json()).GetProperty("errors").TryGetProperty("cancellationCosts", out _));
        var cancelled = await Inform(x.Sales, x, id, new
        {
            informedOn = x.A.Today,
            note = "Customer withdraws",
            outcome = "contract-cancelled",
            cancelledOn = x.A.Today,
            cancellationCosts = 1850.40m,
            cancellationNote = "Onboarding and two weeks of service",
        });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var contract = await Contract(x);
        Assert.Equal("Cancelled", contract.GetProperty("status").GetString());
        Assert.Equal(1850.40m, contract.GetProperty("cancellationCosts").GetDecimal());
        Assert.Equal("Onboarding and two weeks of service", contract.GetProperty("cancellationNote").GetString());
        Assert.Equal(["Logged", "Feasibility decided", "Customer informed"], contract.GetProperty("changeRequests")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
    }

    [Fact]
    public async Task Steps_out_of_order_or_by_the_wrong_role_are_refused()
    {
        var x = await ArrangeAsync();
        var id = (await Log(x)).GetProperty("id").GetGuid();
        var (replacement, _) = await x.A.AddQuotationAsync(1_100_000, QuotationStatus.Issued, x.A.QuotationNumber, revision: 2, issuedAgo: TimeSpan.FromHours(1));

        var early = await x.Sales.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{id}/replacement", new { quotationId = replacement });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("no feasibility decision", (await early.Json()).GetProperty("missing")[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Decide(x.General, x, id, feasible: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Decide(x.Sales, x, id, feasible: true)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Decide(x.Design, x, id, feasible: true)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Decide(x.Design, x, id, feasible: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.Design.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{id}/replacement", new { quotationId = replacement })).StatusCode);
        var wrongPath = await Inform(x.Sales, x, id, new { informedOn = x.A.Today, note = "n", outcome = "service-continues" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongPath.StatusCode);
        Assert.Contains("record the replacement quotation", (await wrongPath.Json()).GetProperty("missing")[0].GetString()!, StringComparison.Ordinal);
        var older = await x.Sales.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests/{id}/replacement", new { quotationId = x.A.Quotation });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, older.StatusCode);
    }

    [Fact]
    public async Task A_change_request_needs_a_signed_contract_and_numbers_follow_without_gaps()
    {
        var a = await ContractArrange.CreateAsync(app);
        var draft = (await a.CreateContractAsync()).GetProperty("id").GetGuid();
        var refused = await a.Admin.PostAsJsonAsync($"/api/v1/contracts/{draft}/change-requests", new { description = "More users", requestedByContactId = a.Contact, receivedOn = a.Today });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var x = await ArrangeAsync();

        var first = (await Log(x, "First")).GetProperty("number").GetString()!;
        var invalid = await x.A.Admin.PostAsJsonAsync($"/api/v1/contracts/{x.Contract}/change-requests", new { description = "", requestedByContactId = x.A.Contact, receivedOn = x.A.Today });
        var second = (await Log(x, "Second")).GetProperty("number").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(int.Parse(first[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(second[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
