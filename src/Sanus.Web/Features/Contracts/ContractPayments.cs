using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Contracts;

/// <summary>Payments received against a signed contract, and the Payment Done gate they open (DL-4).</summary>
public static class ContractPayments
{
    public sealed record PaymentInput(decimal? Amount, string? Currency, DateOnly? ReceivedOn, string? Reference);

    public sealed record ReversalInput(string? Reason);

    public sealed record PaymentView(
        Guid Id, decimal Amount, string Currency, DateOnly ReceivedOn, string Reference, Guid? ReversesPaymentId, string? Reason,
        bool Reversed, DateTime RecordedAt, string RecordedByName);

    /// <summary>The ledger: every entry, what has been paid and what is still outstanding of the agreed amount.</summary>
    public sealed record Ledger(IReadOnlyList<PaymentView> Payments, string Currency, decimal Agreed, decimal Paid, decimal Outstanding, decimal PaymentGate, bool PaymentGateMet);

    public static async Task<ContractPayment> AddAsync(SanusDb db, TimeProvider clock, Guid contractId, PaymentInput input)
    {
        var contract = await ContractRules.GetAsync(db, contractId);
        RefuseUnlessSigned(contract);
        var errors = new Dictionary<string, string[]>();
        long? minor = input.Amount is { } amount ? ContractAccess.ToMinor(amount) : null;
        if (minor is not > 0)
        {
            errors["amount"] = ["Give the amount received: above zero, with at most two decimals. A wrong entry is reversed, not entered as a negative amount."];
        }

        if (input.Currency is { Length: > 0 } currency && !string.Equals(currency.Trim(), contract.Currency, StringComparison.OrdinalIgnoreCase))
        {
            errors["currency"] = [$"Record payments in the contract currency, {contract.Currency}."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.ReceivedOn is not { } receivedOn)
        {
            errors["receivedOn"] = ["Give the date the payment was received."];
        }
        else if (receivedOn > today)
        {
            errors["receivedOn"] = ["The payment date can't be in the future."];
        }

        var reference = input.Reference?.Trim() ?? "";
        if (reference.Length is 0 or > 200)
        {
            errors["reference"] = ["Give the bank or remittance reference of the payment (at most 200 characters)."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var payment = Entry(db, clock, contract, minor!.Value, input.ReceivedOn!.Value, reference);
        await SaveAndApplyGateAsync(db, clock, contract);
        return payment;
    }

    /// <summary>Reverses a wrong entry with a negative one that names it and gives the reason; entries are never edited.</summary>
    public static async Task<ContractPayment> ReverseAsync(SanusDb db, TimeProvider clock, Guid contractId, Guid paymentId, ReversalInput input)
    {
        var contract = await ContractRules.GetAsync(db, contractId);
        var original = await db.Set<ContractPayment>().SingleOrDefaultAsync(p => p.Id == paymentId && p.ContractId == contract.Id)
            ?? throw ProblemException.NotFound("payment");
        if (original.ReversesPaymentId is not null || await db.Set<ContractPayment>().AnyAsync(p => p.ReversesPaymentId == original.Id))
        {
            throw ProblemException.Refused("This entry can't be reversed", ["It is a reversal, or it was reversed already."]);
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 1000)
        {
            throw ProblemException.Invalid("reason", "Say why the entry is wrong (at most 1000 characters).");
        }

        var reversal = Entry(db, clock, contract, -original.AmountMinor, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), $"Reversal of {original.Reference}");
        reversal.ReversesPaymentId = original.Id;
        reversal.Reason = input.Reason.Trim();
        await SaveAndApplyGateAsync(db, clock, contract);
        return reversal;
    }

    public static async Task<Ledger> LedgerAsync(SanusDb db, Contract contract)
    {
        var entries = await db.Set<ContractPayment>().AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync();
        var reversed = entries.Where(p => p.ReversesPaymentId is not null).Select(p => p.ReversesPaymentId!.Value).ToHashSet();
        var paid = entries.Sum(p => p.AmountMinor);
        return new Ledger(
            [.. entries.OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt).Select(p => new PaymentView(
                p.Id, p.AmountMinor / 100m, p.Currency, p.ReceivedOn, p.Reference, p.ReversesPaymentId, p.Reason, reversed.Contains(p.Id), p.RecordedAt, p.RecordedByName))],
            contract.Currency, contract.AgreedAmountMinor / 100m, paid / 100m, (contract.AgreedAmountMinor - paid) / 100m, contract.PaymentGateMinor / 100m, contract.PaymentGateMet);
    }

    private static ContractPayment Entry(SanusDb db, TimeProvider clock, Contract contract, long minor, DateOnly receivedOn, string reference)
    {
        var payment = new ContractPayment
        {
            ContractId = contract.Id,
            AmountMinor = minor,
            Currency = contract.Currency,
            ReceivedOn = receivedOn,
            Reference = reference,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedById = db.CurrentUser.Id,
            RecordedByName = db.CurrentUser.Name,
        };
        db.Add(payment);
        return payment;
    }

    /// <summary>The gate is met while the payments cover the agreed amount, or the first instalment when the contract sets one.</summary>
    private static async Task SaveAndApplyGateAsync(SanusDb db, TimeProvider clock, Contract contract)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        var paid = await db.Set<ContractPayment>().Where(p => p.ContractId == contract.Id).SumAsync(p => p.AmountMinor);
        contract.PaymentGateMet = paid >= contract.PaymentGateMinor;
        await db.SaveChangesAsync();
        if (contract.PaymentGateMet)
        {
            await DealRules.AdvanceAsync(db, clock, contract.DealId, DealStages.PaymentDone);
        }

        await transaction.CommitAsync();
    }

    private static void RefuseUnlessSigned(Contract contract)
    {
        if (contract.Status != ContractStatus.SignedByBoth)
        {
            throw ProblemException.Refused("Payments are recorded against a signed contract",
                [$"Contract {contract.Number} is {contract.Status}: it needs both signatures before payments are recorded."]);
        }
    }
}
