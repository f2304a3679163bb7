using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Contracts;

/// <summary>
/// CON-2, GP-009 "Quotation review &amp; change request": a change after service has begun. The Design and
/// Development Manager signs whether it is feasible; the Sales Manager then records the replacement quotation, or
/// that the customer was told and whether the service continues or the contract is cancelled.
/// </summary>
public static class ChangeRequestRules
{
    public const string RecordKind = "ChangeRequest";

    public sealed record CreateInput(string? Description, Guid? RequestedByContactId, DateOnly? ReceivedOn);

    public sealed record FeasibilityInput(bool? Feasible, string? Rationale, string? Password, string? Code, string? Meaning);

    public sealed record ReplacementInput(Guid? QuotationId);

    public sealed record CustomerInformedInput(DateOnly? InformedOn, string? Note, string? Outcome, DateOnly? CancelledOn = null, decimal? CancellationCosts = null, string? CancellationNote = null);

    /// <summary>What the feasibility signature covers: the request as logged and the decision.</summary>
    public sealed record SignedDecision(string Number, string ContractNumber, string Description, Guid RequestedByContactId, DateOnly ReceivedOn, bool Feasible, string Rationale);

    public static async Task<ChangeRequest> CreateAsync(SanusDb db, TimeProvider clock, Guid contractId, CreateInput input)
    {
        var contract = await ContractRules.GetAsync(db, contractId);
        if (contract.Status != ContractStatus.SignedByBoth)
        {
            throw ProblemException.Refused("A change request is logged against a signed contract",
                [$"Contract {contract.Number} is {contract.Status}: service begins once both parties have signed; until then, edit or amend the draft."]);
        }

        var errors = new Dictionary<string, string[]>();
        var description = input.Description?.Trim() ?? "";
        if (description.Length is 0 or > 4000)
        {
            errors["description"] = ["Describe the change the customer asks for (at most 4000 characters)."];
        }

        if (input.RequestedByContactId is not { } contactId || !await db.Set<Contact>().AnyAsync(c => c.Id == contactId))
        {
            errors["requestedByContactId"] = ["Choose the contact who asked for the change."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.ReceivedOn is not { } receivedOn)
        {
            errors["receivedOn"] = ["Give the date the request was received."];
        }
        else if (receivedOn > today)
        {
            errors["receivedOn"] = ["The date received can't be in the future."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var change = new ChangeRequest
        {
            ContractId = contract.Id,
            Number = await RecordNumbers.NextAsync(db, RecordNumbers.ChangeRequest, clock.GetUtcNow().UtcDateTime.Year),
            Description = description,
            RequestedByContactId = input.RequestedByContactId!.Value,
            ReceivedOn = input.ReceivedOn!.Value,
            LoggedBy = db.CurrentUser.Name,
        };
        db.Add(change);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return change;
    }

    /// <summary>Step (a), JD-003: the feasibility decision, signed with the meaning "approver" and bound to the request.</summary>
    public static async Task<ChangeRequest> DecideFeasibilityAsync(SanusDb db, Signing signing, Guid contractId, Guid id, FeasibilityInput input)
    {
        var (contract, change) = await GetAsync(db, contractId, id);
        await ContractAccess.RequireAsync(db, Capabilities.ChangesConfirmFeasibility, "Deciding whether a change is feasible");
        if (change.Feasible is not null)
        {
            throw ProblemException.Refused("The feasibility is already decided", [$"{change.Number} was found {(change.Feasible.Value ? "feasible" : "not feasible")}; a decision is signed once."]);
        }

        var errors = new Dictionary<string, string[]>();
        if (input.Feasible is null)
        {
            errors["feasible"] = ["Say whether the change is possible without prejudice to the process."];
        }

        var rationale = input.Rationale?.Trim() ?? "";
        if (rationale.Length is 0 or > 4000)
        {
            errors["rationale"] = ["Give the reasons for the decision (at most 4000 characters)."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var decision = new SignedDecision(change.Number, contract.Number, change.Description, change.RequestedByContactId, change.ReceivedOn, input.Feasible!.Value, rationale);
        var signature = await signing.SignAsync(db, new SignedRecord(RecordKind, change.Id, 1, decision), new SignatureInput(input.Password, input.Code, input.Meaning), SignatureMeanings.Approver);
        change.Feasible = input.Feasible;
        change.FeasibilityRationale = rationale;
        change.FeasibilitySignatureId = signature.Id;
        change.Status = change.Feasible.Value ? ChangeRequestStatus.AwaitingReplacement : ChangeRequestStatus.AwaitingCustomerReply;
        await db.SaveChangesAsync();
        return change;
    }

    /// <summary>Step (b), JD-002: a feasible change cancels the contract's quotation and names the new revision issued in its place.</summary>
    public static async Task<ChangeRequest> RecordReplacementAsync(SanusDb db, TimeProvider clock, Guid contractId, Guid id, ReplacementInput input)
    {
        var (contract, change) = await GetAsync(db, contractId, id);
        await ContractAccess.RequireAsync(db, Capabilities.QuotesApprove, "Recording the replacement quotation");
        RefuseOutOfOrder(change, feasibleStep: true);
        if (input.QuotationId is not { } quotationId)
        {
            throw ProblemException.Invalid("quotationId", "Choose the new quotation revision issued to the customer.");
        }

        var previous = await db.Set<Quotation>().IgnoreQueryFilters().SingleAsync(q => q.Id == contract.QuotationId);
        var replacement = await db.Set<Quotation>().SingleOrDefaultAsync(q => q.Id == quotationId && q.ArchivedAt == null);
        var problems = new List<string>();
        if (replacement is null || replacement.DealId != contract.DealId)
        {
            problems.Add("The replacement must be a quotation of the same deal.");
        }
        else
        {
            if (replacement.Id == previous.Id)
            {
                problems.Add($"Quotation {previous.Number} revision {previous.Revision} is the one being replaced.");
            }

            if (replacement.IssuedAt is null || replacement.Status is not (QuotationStatus.Issued or QuotationStatus.Accepted))
            {
                problems.Add($"Quotation {replacement.Number} revision {replacement.Revision} is {replacement.Status}: issue it to the customer first.");
            }
            else if (previous.IssuedAt is { } previousIssued && replacement.IssuedAt <= previousIssued
                && !(replacement.Number == previous.Number && replacement.Revision > previous.Revision))
            {
                problems.Add($"Quotation {replacement.Number} revision {replacement.Revision} is not newer than {previous.Number} revision {previous.Revision}.");
            }
        }

        if (problems.Count > 0)
        {
            throw ProblemException.Refused("That quotation can't replace the contract's quotation", problems);
        }

        if (previous.Status != QuotationStatus.Superseded)
        {
            previous.Status = QuotationStatus.Cancelled;
        }

        change.ReplacementQuotationId = replacement!.Id;
        change.ReplacedQuotationId = previous.Id;
        change.ReplacementRecordedAt = clock.GetUtcNow().UtcDateTime;
        change.ReplacementRecordedBy = db.CurrentUser.Name;
        change.Status = ChangeRequestStatus.Replaced;
        await db.SaveChangesAsync();
        return change;
    }

    /// <summary>Step (c), JD-002: a change that is not feasible — the customer was told, and the service continues or the contract ends with the costs owed.</summary>
    public static async Task<ChangeRequest> RecordCustomerInformedAsync(SanusDb db, TimeProvider clock, Guid contractId, Guid id, CustomerInformedInput input)
    {
        var (contract, change) = await GetAsync(db, contractId, id);
        await ContractAccess.RequireAsync(db, Capabilities.QuotesApprove, "Recording the customer's answer to a change request");
        RefuseOutOfOrder(change, feasibleStep: false);
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.InformedOn is not { } informedOn || informedOn > today)
        {
            errors["informedOn"] = ["Give the date the customer was told (not in the future)."];
        }

        var note = input.Note?.Trim() ?? "";
        if (note.Length is 0 or > 4000)
        {
            errors["note"] = ["Say how the customer was told and what they answered (at most 4000 characters)."];
        }

        long? costs = null;
        if (input.Outcome == ChangeOutcomes.ContractCancelled)
        {
            if (input.CancelledOn is not { } cancelledOn || cancelledOn > today)
            {
                errors["cancelledOn"] = ["Give the date the contract is cancelled (not in the future)."];
            }

            costs = input.CancellationCosts is { } amount ? ContractAccess.ToMinor(amount) : null;
            if (costs is not >= 0)
            {
                errors["cancellationCosts"] = ["Give the costs attributable to the customer (zero or more, at most two decimals)."];
            }

            if (string.IsNullOrWhiteSpace(input.CancellationNote) || input.CancellationNote.Trim().Length > 2000)
            {
                errors["cancellationNote"] = ["Explain what the costs attributable to the customer are."];
            }
        }
        else if (input.Outcome != ChangeOutcomes.ServiceContinues)
        {
            errors["outcome"] = [$"Choose the outcome: {ChangeOutcomes.ServiceContinues} or {ChangeOutcomes.ContractCancelled}."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        change.CustomerInformedOn = input.InformedOn;
        change.CustomerInformedNote = note;
        change.Outcome = input.Outcome;
        change.OutcomeRecordedAt = clock.GetUtcNow().UtcDateTime;
        change.OutcomeRecordedBy = db.CurrentUser.Name;
        if (input.Outcome == ChangeOutcomes.ContractCancelled)
        {
            change.Status = ChangeRequestStatus.ContractCancelled;
            contract.Status = ContractStatus.Cancelled;
            contract.CancelledOn = input.CancelledOn;
            contract.CancellationCostsMinor = costs;
            contract.CancellationNote = input.CancellationNote!.Trim();
        }
        else
        {
            change.Status = ChangeRequestStatus.Closed;
        }

        await db.SaveChangesAsync();
        return change;
    }

    public static async Task<(Contract Contract, ChangeRequest Change)> GetAsync(SanusDb db, Guid contractId, Guid id)
    {
        var contract = await ContractRules.GetAsync(db, contractId);
        var change = await db.Set<ChangeRequest>().SingleOrDefaultAsync(c => c.Id == id && c.ContractId == contract.Id)
            ?? throw ProblemException.NotFound("change request");
        return (contract, change);
    }

    public static Task<List<ChangeRequest>> ForContractAsync(SanusDb db, Guid contractId) =>
        db.Set<ChangeRequest>().AsNoTracking().Where(c => c.ContractId == contractId).OrderBy(c => c.Number).ToListAsync();

    private static void RefuseOutOfOrder(ChangeRequest change, bool feasibleStep)
    {
        if (change.Feasible is null)
        {
            throw ProblemException.Refused("A step before this one is missing",
                [$"{change.Number} has no feasibility decision yet: the Design and Development Manager signs it first."]);
        }

        if (change.Feasible != feasibleStep)
        {
            throw ProblemException.Refused("This step doesn't follow the decision",
                [feasibleStep
                    ? $"{change.Number} was found not feasible: record that the customer was informed and the outcome instead."
                    : $"{change.Number} was found feasible: record the replacement quotation instead."]);
        }

        if (change.Status is not (ChangeRequestStatus.AwaitingReplacement or ChangeRequestStatus.AwaitingCustomerReply))
        {
            throw ProblemException.Refused("The change request is closed", [$"{change.Number} is {change.Status}."]);
        }
    }
}
