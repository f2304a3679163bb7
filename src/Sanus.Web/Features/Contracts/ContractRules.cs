using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Numbering;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Contracts;

/// <summary>What users do with contracts (CON-1, REC-3, REC-4, DL-4 Contract Signed).</summary>
public static class ContractRules
{
    /// <summary>The record kind our signatures name.</summary>
    public const string RecordKind = "Contract";

    public const int MaxClauses = 100;
    public const long MaxSignedCopyBytes = FileStore.MaxLength;

    public sealed record CreateInput(Guid? QuotationId, decimal? FirstInstalment = null);

    public sealed record ClauseInput(string? Key, string? Heading, string? Text);

    public sealed record DraftInput(decimal? FirstInstalment, IReadOnlyList<ClauseInput>? Clauses);

    public sealed record CustomerSignatureInput(string? SignatoryName, Guid? ContactId, DateOnly? SignedOn, string? FileName, string? ContentType, byte[]? FileContent);

    /// <summary>What a signature on a revision covers: the terms and every clause, in order.</summary>
    public sealed record SignedTerms(string Number, int Revision, Guid QuotationId, string Currency, long AgreedAmountMinor, long? FirstInstalmentMinor, IReadOnlyList<SignedClause> Clauses);

    public sealed record SignedClause(string? Key, string Heading, string Text);

    /// <summary>CON-1: drafts the contract of an accepted quotation, with its total as the agreed amount and the standard clauses.</summary>
    public static async Task<Contract> CreateAsync(SanusDb db, TimeProvider clock, CreateInput input)
    {
        if (input.QuotationId is not { } quotationId)
        {
            throw ProblemException.Invalid("quotationId", "Choose the accepted quotation the contract is drafted from.");
        }

        var quotation = await db.Set<Quotation>().SingleOrDefaultAsync(q => q.Id == quotationId && q.ArchivedAt == null)
            ?? throw ProblemException.NotFound("quotation");
        if (quotation.Status != QuotationStatus.Accepted)
        {
            throw ProblemException.Refused("A contract is drafted from an accepted quotation",
                [$"Quotation {quotation.Number} revision {quotation.Revision} is {quotation.Status}: the customer has not accepted it."]);
        }

        var firstInstalment = FirstInstalmentMinor(input.FirstInstalment, quotation.TotalMinor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Taking the number locks the sequence row until commit, so two people drafting at once queue here and the
        // second one sees the first one's contract.
        var number = await RecordNumbers.NextAsync(db, RecordNumbers.Contract, now.Year);
        var live = await db.Set<Contract>().IgnoreQueryFilters()
            .Where(c => c.QuotationId == quotationId && c.ArchivedAt == null && c.Status != ContractStatus.Cancelled)
            .Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync();
        if (live is not null)
        {
            throw ProblemException.Conflict("The quotation already has a contract",
                $"Contract {live.Number} is drafted from quotation {quotation.Number}; open it instead of drafting another.",
                new Dictionary<string, object?> { ["contractId"] = live.Id, ["contractNumber"] = live.Number });
        }

        var contract = new Contract
        {
            DealId = quotation.DealId,
            QuotationId = quotation.Id,
            Number = number,
            Currency = quotation.Currency,
            AgreedAmountMinor = quotation.TotalMinor,
            FirstInstalmentMinor = firstInstalment,
            Clauses = [.. StandardClauses.Defaults.Select((c, i) => new ContractClause { Position = i, Key = c.Key, Heading = c.Heading, Text = c.Text })],
        };
        db.Add(contract);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return contract;
    }

    /// <summary>Changes the payment terms and clauses of a draft; a revision anyone has signed is frozen (REC-3).</summary>
    public static async Task<Contract> UpdateDraftAsync(SanusDb db, Guid id, DraftInput input, int? expectedVersion)
    {
        var contract = await GetAsync(db, id);
        Versioning.Check(contract, expectedVersion, () => ContractSummary.Of(contract));
        await RefuseIfFrozenAsync(db, contract);

        var errors = new Dictionary<string, string[]>();
        long? firstInstalment = null;
        try
        {
            firstInstalment = FirstInstalmentMinor(input.FirstInstalment, contract.AgreedAmountMinor);
        }
        catch (ProblemException problem)
        {
            foreach (var (field, messages) in problem.Errors)
            {
                errors[field] = messages;
            }
        }

        var clauses = input.Clauses ?? [];
        if (clauses.Count > MaxClauses)
        {
            errors["clauses"] = [$"A contract has at most {MaxClauses} clauses."];
        }

        for (var i = 0; i < clauses.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(clauses[i].Heading) || clauses[i].Heading!.Trim().Length > 200)
            {
                errors[$"clauses[{i}].heading"] = ["Give the clause a heading (at most 200 characters)."];
            }

            if (string.IsNullOrWhiteSpace(clauses[i].Text))
            {
                errors[$"clauses[{i}].text"] = ["Write the clause's text, or remove the clause."];
            }
        }

        var repeated = clauses.Where(c => !string.IsNullOrWhiteSpace(c.Key)).GroupBy(c => c.Key!.Trim()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            errors["clauses"] = [$"A standard clause appears once: {string.Join(", ", repeated)} is repeated."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        contract.FirstInstalmentMinor = firstInstalment;
        db.RemoveRange(contract.Clauses);
        List<ContractClause> replacement = [.. clauses.Select((c, i) => new ContractClause
        {
            ContractId = contract.Id,
            Position = i,
            Key = string.IsNullOrWhiteSpace(c.Key) ? null : c.Key.Trim(),
            Heading = c.Heading!.Trim(),
            Text = c.Text!.Trim(),
        })];
        // Added explicitly: a clause found only through the navigation, with its id already set, would be taken for an existing row.
        db.AddRange(replacement);
        contract.Clauses = replacement;
        // The clauses are rows of their own: mark the contract changed so its version moves with them (REC-2).
        db.Entry(contract).Property(c => c.UpdatedAt).IsModified = true;
        await Versioning.SaveAsync(db, contract, expectedVersion, ContractSummary.Of);
        return contract;
    }

    /// <summary>REC-3: a change to a revision someone signed starts the next revision, a draft that needs both signatures again.</summary>
    public static async Task<Contract> AmendAsync(SanusDb db, Guid id, int? expectedVersion)
    {
        var contract = await GetAsync(db, id);
        Versioning.Check(contract, expectedVersion, () => ContractSummary.Of(contract));
        if (contract.Status != ContractStatus.Draft)
        {
            throw ProblemException.Refused("Only a draft contract is amended",
                [$"Contract {contract.Number} is {contract.Status}: after signing, changes go through a change request (CON-2)."]);
        }

        if (!await IsSignedByAnyoneAsync(db, contract))
        {
            throw ProblemException.Refused("Nothing to amend", [$"Revision {contract.Revision} is not signed by anyone yet: edit it directly."]);
        }

        contract.Revision++;
        await Versioning.SaveAsync(db, contract, expectedVersion, ContractSummary.Of);
        return contract;
    }

    /// <summary>CON-1, JD-001: the General Manager signs for the company, re-entering the password (REC-3).</summary>
    public static async Task<Contract> SignAsync(SanusDb db, TimeProvider clock, Signing signing, Guid id, SignatureInput input)
    {
        var contract = await GetAsync(db, id);
        await ContractAccess.RequireAsync(db, Capabilities.ContractsSign, "Signing a contract for the company");
        RefuseUnlessSignable(contract);
        if ((await OurSignaturesAsync(db, contract)).Count > 0)
        {
            throw ProblemException.Refused("The contract is already signed for the company", [$"Revision {contract.Revision} already carries our signature."]);
        }

        await signing.SignAsync(db, Record(contract), input, SignatureMeanings.Signer);
        await CompleteIfBothSignedAsync(db, clock, contract);
        return contract;
    }

    /// <summary>Records the customer's signature: the signatory, the date and the signed copy they returned.</summary>
    public static async Task<Contract> RecordCustomerSignatureAsync(SanusDb db, TimeProvider clock, Guid id, CustomerSignatureInput input)
    {
        var contract = await GetAsync(db, id);
        RefuseUnlessSignable(contract);
        if (await CustomerSignatureAsync(db, contract) is not null)
        {
            throw ProblemException.Refused("The customer's signature is already recorded", [$"Revision {contract.Revision} already carries the customer's signature."]);
        }

        var errors = new Dictionary<string, string[]>();
        var signatory = input.SignatoryName?.Trim() ?? "";
        if (signatory.Length is 0 or > 200)
        {
            errors["signatoryName"] = ["Give the name of the person who signed for the customer."];
        }

        if (input.ContactId is { } contactId && !await db.Set<Contact>().AnyAsync(c => c.Id == contactId))
        {
            errors["contactId"] = ["Choose one of the customer's contacts, or leave it empty."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.SignedOn is not { } signedOn)
        {
            errors["signedOn"] = ["Give the date the customer signed."];
        }
        else if (signedOn > today)
        {
            errors["signedOn"] = ["The signing date can't be in the future."];
        }

        if (input.FileContent is not { Length: > 0 } || string.IsNullOrWhiteSpace(input.FileName))
        {
            errors["file"] = ["Attach the copy the customer signed."];
        }
        else if (input.FileContent.Length > FileStore.MaxLength)
        {
            errors["file"] = [$"The signed copy is larger than {FileStore.MaxLength / 1024 / 1024} MB."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var signedCopy = await FileStore.SaveAsync(db, input.FileName!, input.ContentType ?? "", input.FileContent!, db.CurrentUser.Id, clock);
        db.Add(new CustomerSignature
        {
            ContractId = contract.Id,
            Revision = contract.Revision,
            ContentHash = SignedContent.Hash(Terms(contract)),
            SignatoryName = signatory,
            ContactId = input.ContactId,
            SignedOn = input.SignedOn!.Value,
            SignedCopyFileId = signedCopy.Id,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedById = db.CurrentUser.Id,
            RecordedByName = db.CurrentUser.Name,
        });
        await CompleteIfBothSignedAsync(db, clock, contract);
        return contract;
    }

    public static async Task<Contract> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Contract>().Include(c => c.Clauses).SingleOrDefaultAsync(c => c.Id == id) ?? throw ProblemException.NotFound("contract");

    public static SignedRecord Record(Contract contract) => new(RecordKind, contract.Id, contract.Revision, Terms(contract));

    public static SignedTerms Terms(Contract contract) => new(
        contract.Number, contract.Revision, contract.QuotationId, contract.Currency, contract.AgreedAmountMinor, contract.FirstInstalmentMinor,
        [.. contract.Clauses.OrderBy(c => c.Position).Select(c => new SignedClause(c.Key, c.Heading, c.Text))]);

    /// <summary>Our signatures bound to the contract's current revision and content.</summary>
    public static async Task<List<Signature>> OurSignaturesAsync(SanusDb db, Contract contract)
    {
        var hash = SignedContent.Hash(Terms(contract));
        return [.. (await Signing.ForRecordAsync(db, RecordKind, contract.Id)).Where(s => s.RecordRevision == contract.Revision && s.ContentHash == hash)];
    }

    public static Task<CustomerSignature?> CustomerSignatureAsync(SanusDb db, Contract contract) =>
        db.Set<CustomerSignature>().Where(s => s.ContractId == contract.Id && s.Revision == contract.Revision).FirstOrDefaultAsync();

    public static bool HasHealthcareDeclaration(Contract contract) =>
        contract.Clauses.Any(c => c.Key == StandardClauses.HealthcareProviderDeclaration && !string.IsNullOrWhiteSpace(c.Text));

    private static async Task<bool> IsSignedByAnyoneAsync(SanusDb db, Contract contract) =>
        await db.Set<Signature>().AnyAsync(s => s.RecordKind == RecordKind && s.RecordId == contract.Id && s.RecordRevision == contract.Revision)
        || await db.Set<CustomerSignature>().AnyAsync(s => s.ContractId == contract.Id && s.Revision == contract.Revision);

    private static async Task RefuseIfFrozenAsync(SanusDb db, Contract contract)
    {
        if (contract.Status != ContractStatus.Draft)
        {
            throw ProblemException.Refused("A signed contract can't be edited",
                [$"Contract {contract.Number} is {contract.Status}: after signing, changes go through a change request (CON-2)."]);
        }

        if (await IsSignedByAnyoneAsync(db, contract))
        {
            throw ProblemException.Refused("A signed revision can't be edited",
                [$"Revision {contract.Revision} is signed: amend the contract to start revision {contract.Revision + 1}, which needs both signatures again."]);
        }
    }

    private static void RefuseUnlessSignable(Contract contract)
    {
        var missing = new List<string>();
        if (contract.Status != ContractStatus.Draft)
        {
            missing.Add($"Contract {contract.Number} is {contract.Status}, not a draft awaiting signatures.");
        }

        if (!HasHealthcareDeclaration(contract))
        {
            missing.Add("The healthcare-provider declaration clause (\"The Customer declares that it is a healthcare provider …\", GP-009) is missing: add it back before signing.");
        }

        if (missing.Count > 0)
        {
            throw ProblemException.Refused("The contract can't be signed", missing);
        }
    }

    /// <summary>
    /// When ours and the customer's signature are both on this revision: the contract is signed, the implementation plan
    /// starts (IMP-1) and the deal moves to Contract Signed (DL-4), all in one transaction with the last signature.
    /// </summary>
    private static async Task CompleteIfBothSignedAsync(SanusDb db, TimeProvider clock, Contract contract)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ours = db.ChangeTracker.Entries<Signature>().Select(e => e.Entity)
            .Where(s => s.RecordKind == RecordKind && s.RecordId == contract.Id && s.RecordRevision == contract.Revision)
            .Concat(await OurSignaturesAsync(db, contract)).FirstOrDefault();
        var customers = db.ChangeTracker.Entries<CustomerSignature>().Select(e => e.Entity).FirstOrDefault(s => s.ContractId == contract.Id && s.Revision == contract.Revision)
            ?? await CustomerSignatureAsync(db, contract);
        if (ours is not null && customers is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ourDate = DateOnly.FromDateTime(ours.SignedAt);
            var contractDate = ourDate > customers.SignedOn ? ourDate : customers.SignedOn;
            contract.Status = ContractStatus.SignedByBoth;
            contract.SignedAt = now;
            contract.ContractDate = contractDate;
            var deal = await db.Set<Deal>().IgnoreQueryFilters().SingleAsync(d => d.Id == contract.DealId);
            var company = await db.Set<Company>().IgnoreQueryFilters().SingleAsync(c => c.Id == deal.CompanyId);
            ImplementationPlans.Start(db, deal.Id, contract.Id, company.Id, company.Name, contractDate);
            await db.SaveChangesAsync();
            await DealRules.AdvanceAsync(db, clock, contract.DealId, DealStages.ContractSigned);
        }
        else
        {
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
    }

    private static long? FirstInstalmentMinor(decimal? amount, long agreedMinor)
    {
        if (amount is not { } value)
        {
            return null;
        }

        var minor = ContractAccess.ToMinor(value);
        if (minor is null || minor <= 0 || minor >= agreedMinor)
        {
            throw ProblemException.Invalid("firstInstalment", "The first instalment is an amount above zero and below the agreed amount, with at most two decimals; leave it empty when the full amount is due.");
        }

        return minor;
    }
}
