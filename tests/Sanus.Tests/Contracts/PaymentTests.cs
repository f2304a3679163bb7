using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Contracts;

/// <summary>DL-4 Payment Done: payments against a signed contract open the gate only when they cover the amount or the first instalment.</summary>
public sealed class PaymentTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static Task<HttpResponseMessage> Pay(ContractArrange a, Guid contract, decimal amount, DateOnly? receivedOn = null, string reference = "SEPA 2026-118") =>
        a.Admin.PostAsJsonAsync($"/api/v1/contracts/{contract}/payments", new { amount, currency = "EUR", receivedOn = receivedOn ?? a.Today, reference });

    [Fact]
    public async Task Payments_move_the_deal_to_payment_done_only_when_they_cover_the_agreed_amount()
    {
        var a = await ContractArrange.CreateAsync(app, totalMinor: 1_000_000);
        var (id, _) = await a.SignedContractAsync();

        var part = await Pay(a, id, 4000m);
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(6000m, (await part.Json()).GetProperty("outstanding").GetDecimal());
        Assert.Equal("Contract Signed", await a.DealStageAsync());

        var rest = await Pay(a, id, 6000m, reference: "SEPA 2026-131");

        var ledger = await rest.Json();
        Assert.Equal(0m, ledger.GetProperty("outstanding").GetDecimal());
        Assert.True(ledger.GetProperty("paymentGateMet").GetBoolean());
        Assert.Equal(2, ledger.GetProperty("payments").GetArrayLength());
        Assert.Equal("Payment Done", await a.DealStageAsync());
    }

    [Fact]
    public async Task With_a_first_instalment_the_instalment_opens_the_gate()
    {
        var a = await ContractArrange.CreateAsync(app, totalMinor: 1_000_000);
        var (id, _) = await a.SignedContractAsync(firstInstalment: 3000m);

        await Pay(a, id, 2999.99m);
        Assert.Equal("Contract Signed", await a.DealStageAsync());
        var covered = await (await Pay(a, id, 0.01m, reference: "SEPA top-up")).Json();

        Assert.True(covered.GetProperty("paymentGateMet").GetBoolean());
        Assert.Equal(7000m, covered.GetProperty("outstanding").GetDecimal());
        Assert.Equal("Payment Done", await a.DealStageAsync());
    }

    [Fact]
    public async Task A_payment_needs_a_signed_contract_a_positive_amount_a_past_date_and_a_reference()
    {
        var a = await ContractArrange.CreateAsync(app);
        var draft = (await a.CreateContractAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Pay(a, draft, 100m)).StatusCode);
        var b = await ContractArrange.CreateAsync(app);
        var (id, _) = await b.SignedContractAsync();

        var invalid = await b.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/payments", new { amount = -5m, currency = "USD", receivedOn = b.Today.AddDays(1), reference = " " });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("currency", out _));
        Assert.True(errors.TryGetProperty("receivedOn", out _));
        Assert.True(errors.TryGetProperty("reference", out _));
    }

    [Fact]
    public async Task A_wrong_payment_is_reversed_by_a_negative_entry_with_a_reason_not_edited()
    {
        var a = await ContractArrange.CreateAsync(app, totalMinor: 500_000);
        var (id, _) = await a.SignedContractAsync();
        var ledger = await (await Pay(a, id, 5000m)).Json();
        Assert.Equal("Payment Done", await a.DealStageAsync());
        var payment = ledger.GetProperty("payments")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await a.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/payments/{payment}/reverse", new { reason = "" })).StatusCode);
        var reversed = await a.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/payments/{payment}/reverse", new { reason = "Booked against the wrong customer" });

        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        var after = await reversed.Json();
        var entries = after.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal([5000m, -5000m], entries.Select(e => e.GetProperty("amount").GetDecimal()));
        Assert.True(entries[0].GetProperty("reversed").GetBoolean());
        Assert.Equal("Booked against the wrong customer", entries[1].GetProperty("reason").GetString());
        Assert.Equal(5000m, after.GetProperty("outstanding").GetDecimal());
        Assert.False(after.GetProperty("paymentGateMet").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await a.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/payments/{payment}/reverse", new { reason = "again" })).StatusCode);
    }
}
