using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Contracts;

/// <summary>A contract as lists show it.</summary>
public sealed record ContractSummary(
    Guid Id, int Version, string Number, int Revision, string Status, Guid DealId, Guid QuotationId, string Currency, decimal AgreedAmount,
    decimal? FirstInstalment, DateTime? SignedAt, DateOnly? ContractDate, bool PaymentGateMet, DateOnly? CancelledOn)
{
    public static ContractSummary Of(Contract c) => new(
        c.Id, c.Version, c.Number, c.Revision, c.Status, c.DealId, c.QuotationId, c.Currency, c.AgreedAmountMinor / 100m,
        c.FirstInstalmentMinor / 100m, c.SignedAt, c.ContractDate, c.PaymentGateMet, c.CancelledOn);

    public static async Task<List<ContractSummary>> ListAsync(SanusDb db, Guid? dealId) =>
        [.. (await db.Set<Contract>().AsNoTracking()
            .Where(c => c.ArchivedAt == null && (dealId == null || c.DealId == dealId))
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync()).Select(Of)];
}

public sealed record ClauseView(string? Key, string Heading, string Text, bool Required);

/// <summary>The customer's signature; <see cref="FileSha256"/> identifies the signed copy, <see cref="ContentHash"/> the revision it signs.</summary>
public sealed record CustomerSignatureView(
    Guid Id, int Revision, string SignatoryName, Guid? ContactId, DateOnly SignedOn, Guid SignedCopyFileId, string FileName, string ContentType, long FileSize, string FileSha256,
    string ContentHash, DateTime RecordedAt, string RecordedByName);

/// <summary>One step of a change request as the contract page lists it: what, who, when.</summary>
public sealed record ChangeStepView(string Step, string? By, DateTime? At, string Detail);

public sealed record ChangeRequestView(
    Guid Id, int Version, string Number, string Description, Guid RequestedByContactId, string? RequestedByName, DateOnly ReceivedOn, string Status,
    bool? Feasible, string? FeasibilityRationale, SignatureView? FeasibilitySignature, Guid? ReplacementQuotationId, Guid? ReplacedQuotationId,
    DateOnly? CustomerInformedOn, string? CustomerInformedNote, string? Outcome, IReadOnlyList<ChangeStepView> Steps);

/// <summary>A contract with everything its page and the API show: clauses, both parties' signatures, payments, change requests.</summary>
public sealed record ContractDetails(
    Guid Id, int Version, string Number, int Revision, string Status, Guid DealId, Guid QuotationId, string QuotationNumber, int QuotationRevision,
    string Currency, decimal AgreedAmount, decimal? FirstInstalment, string PaymentTerms, IReadOnlyList<ClauseView> Clauses, bool HasHealthcareDeclaration,
    bool Editable, IReadOnlyList<SignatureView> OurSignatures, CustomerSignatureView? CustomerSignature, IReadOnlyList<SignatureView> EarlierSignatures,
    DateTime? SignedAt, DateOnly? ContractDate, ContractPayments.Ledger Payments, IReadOnlyList<ChangeRequestView> ChangeRequests,
    DateOnly? CancelledOn, decimal? CancellationCosts, string? CancellationNote, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static async Task<ContractDetails> LoadAsync(SanusDb db, Contract contract)
    {
        var quotation = await db.Set<Quotation>().IgnoreQueryFilters().AsNoTracking().SingleAsync(q => q.Id == contract.QuotationId);
        var ours = await ContractRules.OurSignaturesAsync(db, contract);
        var all = await Signing.ForRecordAsync(db, ContractRules.RecordKind, contract.Id);
        var customer = await db.Set<CustomerSignature>().AsNoTracking()
            .Where(s => s.ContractId == contract.Id && s.Revision == contract.Revision)
            .Join(db.Set<StoredFile>(), s => s.SignedCopyFileId, f => f.Id, (s, f) => new CustomerSignatureView(
                s.Id, s.Revision, s.SignatoryName, s.ContactId, s.SignedOn, s.SignedCopyFileId, f.FileName, f.ContentType, f.Length, f.Sha256, s.ContentHash, s.RecordedAt, s.RecordedByName))
            .FirstOrDefaultAsync();
        var signedByAnyone = ours.Count > 0 || customer is not null || all.Any(s => s.RecordRevision == contract.Revision);
        var changes = await ChangeRequestRules.ForContractAsync(db, contract.Id);
        var contactIds = changes.Select(c => c.RequestedByContactId).Distinct().ToList();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName }).ToDictionaryAsync(c => c.Id, c => $"{c.FirstName} {c.LastName}".Trim());
        var decisionIds = changes.Where(c => c.FeasibilitySignatureId != null).Select(c => c.FeasibilitySignatureId!.Value).ToList();
        var decisions = await db.Set<Signature>().AsNoTracking().Where(s => decisionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        var quotationIds = changes.SelectMany(c => new[] { c.ReplacementQuotationId, c.ReplacedQuotationId }).OfType<Guid>().Distinct().ToList();
        var quotations = await db.Set<Quotation>().IgnoreQueryFilters().AsNoTracking().Where(q => quotationIds.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, q => $"{q.Number} revision {q.Revision}");

        return new ContractDetails(
            contract.Id, contract.Version, contract.Number, contract.Revision, contract.Status, contract.DealId, contract.QuotationId, quotation.Number, quotation.Revision,
            contract.Currency, contract.AgreedAmountMinor / 100m, contract.FirstInstalmentMinor / 100m, DescribePaymentTerms(contract),
            [.. contract.Clauses.OrderBy(c => c.Position).Select(c => new ClauseView(c.Key, c.Heading, c.Text, c.Key == StandardClauses.HealthcareProviderDeclaration))],
            ContractRules.HasHealthcareDeclaration(contract), contract.IsEditable && !signedByAnyone,
            [.. ours.Select(SignatureView.Of)], customer, [.. all.Where(s => s.RecordRevision != contract.Revision).Select(SignatureView.Of)],
            contract.SignedAt, contract.ContractDate, await ContractPayments.LedgerAsync(db, contract),
            [.. changes.Select(c => View(c, contacts.GetValueOrDefault(c.RequestedByContactId), c.FeasibilitySignatureId is { } s ? decisions.GetValueOrDefault(s) : null, quotations))],
            contract.CancelledOn, contract.CancellationCostsMinor / 100m, contract.CancellationNote, contract.CreatedAt, contract.UpdatedAt);
    }

    public static string DescribePaymentTerms(Contract contract) => contract.FirstInstalmentMinor is { } first
        ? $"First instalment of {ContractAccess.Money(contract.Currency, first)} opens service (Payment Done); the balance of {ContractAccess.Money(contract.Currency, contract.AgreedAmountMinor - first)} follows as invoiced."
        : $"The full amount of {ContractAccess.Money(contract.Currency, contract.AgreedAmountMinor)}.";

    private static ChangeRequestView View(ChangeRequest c, string? requestedBy, Signature? decision, IReadOnlyDictionary<Guid, string> quotations)
    {
        var steps = new List<ChangeStepView> { new("Logged", c.LoggedBy, c.CreatedAt, $"Received {c.ReceivedOn:yyyy-MM-dd} from {requestedBy ?? "a contact"}: {c.Description}") };
        if (decision is not null)
        {
            steps.Add(new("Feasibility decided", decision.SignerName, decision.SignedAt, $"{(c.Feasible == true ? "Feasible" : "Not feasible")}: {c.FeasibilityRationale} (signed as {decision.Meaning})"));
        }

        if (c.ReplacementRecordedAt is not null)
        {
            steps.Add(new("Replacement quotation", c.ReplacementRecordedBy, c.ReplacementRecordedAt,
                $"{quotations.GetValueOrDefault(c.ReplacementQuotationId!.Value)} replaces {quotations.GetValueOrDefault(c.ReplacedQuotationId!.Value)}, which is cancelled."));
        }

        if (c.OutcomeRecordedAt is not null)
        {
            steps.Add(new("Customer informed", c.OutcomeRecordedBy, c.OutcomeRecordedAt,
                $"Told on {c.CustomerInformedOn:yyyy-MM-dd}: {c.CustomerInformedNote} Outcome: {(c.Outcome == ChangeOutcomes.ContractCancelled ? "contract cancelled" : "service continues")}."));
        }

        return new ChangeRequestView(
            c.Id, c.Version, c.Number, c.Description, c.RequestedByContactId, requestedBy, c.ReceivedOn, c.Status, c.Feasible, c.FeasibilityRationale,
            decision is null ? null : SignatureView.Of(decision), c.ReplacementQuotationId, c.ReplacedQuotationId, c.CustomerInformedOn, c.CustomerInformedNote, c.Outcome, steps);
    }
}
