using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Documents;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;
using static Sanus.Web.Features.Contracts.ChangeRequestRules;
using static Sanus.Web.Features.Contracts.ContractPayments;
using static Sanus.Web.Features.Contracts.ContractRules;

namespace Sanus.Web.Features.Contracts;

public static class ContractsApi
{
    public static void MapContractsApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapGet("/", List).WithSummary("Contracts, newest first; dealId filters to one deal's.");
        contracts.MapPost("/", Create).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Draft the contract of an accepted quotation (CON-1): its total is the agreed amount; optional firstInstalment; the standard clauses. 422 when the quotation is not accepted, 409 when it already has a live contract.");
        contracts.MapGet("/{id:guid}", Get).WithSummary("One contract with clauses, both parties' signatures on the current revision, payments with the balance, and change requests with their steps; the version is the ETag.");
        contracts.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Change a draft's firstInstalment and clauses ([{key, heading, text}], in order); If-Match honoured. 422 once anyone signed the revision.");
        contracts.MapPost("/{id:guid}/amend", Amend).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Start the next revision of a draft someone already signed; it needs both signatures again.");
        contracts.MapPost("/{id:guid}/sign", Sign).RequireCapability(Capabilities.ContractsSign)
            .WithSummary("Our signature (JD-001): {password, code, meaning: \"signer\"}. 422 without the healthcare-provider declaration clause.");
        contracts.MapPost("/{id:guid}/customer-signature", CustomerSign).RequireCapability(Capabilities.DealsEdit).DisableAntiforgery()
            .WithSummary("Record the customer's signature: multipart (signatoryName, contactId, signedOn, file). With ours, the contract is signed, the deal moves to Contract Signed and the implementation plan starts.");
        contracts.MapGet("/{id:guid}/customer-signature/file", SignedCopy).WithSummary("The copy the customer signed, as uploaded.");
        contracts.MapGet("/{id:guid}/pdf", Pdf).WithSummary("The contract as a PDF: parties, number, amount, payment terms, every clause and both parties' signatures; a draft is marked DRAFT.");
        contracts.MapGet("/{id:guid}/payments", Payments).WithSummary("Every payment entry with what is paid and outstanding.");
        contracts.MapPost("/{id:guid}/payments", AddPayment).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Record a payment {amount, currency, receivedOn, reference} against a signed contract; covering the agreed amount (or first instalment) moves the deal to Payment Done.");
        contracts.MapPost("/{id:guid}/payments/{paymentId:guid}/reverse", Reverse).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Reverse a wrong payment entry with a negative one {reason}; entries are never edited.");
        contracts.MapPost("/{id:guid}/change-requests", CreateChange).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Log a change request (CON-2) {description, requestedByContactId, receivedOn} against a signed contract.");
        contracts.MapPost("/{id:guid}/change-requests/{changeId:guid}/feasibility", Feasibility).RequireCapability(Capabilities.ChangesConfirmFeasibility)
            .WithSummary("JD-003 signs the feasibility decision {feasible, rationale, password, code, meaning: \"approver\"}.");
        contracts.MapPost("/{id:guid}/change-requests/{changeId:guid}/replacement", Replacement).RequireCapability(Capabilities.QuotesApprove)
            .WithSummary("Feasible: the Sales Manager records the new issued quotation {quotationId}; the contract's quotation is cancelled.");
        contracts.MapPost("/{id:guid}/change-requests/{changeId:guid}/customer-informed", CustomerInformed).RequireCapability(Capabilities.QuotesApprove)
            .WithSummary("Not feasible: the Sales Manager records {informedOn, note, outcome: service-continues|contract-cancelled, cancelledOn, cancellationCosts, cancellationNote}.");
    }

    private static async Task<Ok<List<ContractSummary>>> List(SanusDb db, Guid? dealId) => TypedResults.Ok(await ContractSummary.ListAsync(db, dealId));

    private static async Task<Created<ContractDetails>> Create(ContractRules.CreateInput input, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var contract = await ContractRules.CreateAsync(db, clock, input);
        response.Headers.ETag = Versioning.ETag(contract.Version);
        return TypedResults.Created($"/api/v1/contracts/{contract.Id}", await ContractDetails.LoadAsync(db, contract));
    }

    private static async Task<Ok<ContractDetails>> Get(Guid id, SanusDb db, HttpResponse response) => await Respond(db, await GetAsync(db, id), response);

    private static async Task<Ok<ContractDetails>> Update(Guid id, DraftInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        await Respond(db, await UpdateDraftAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ContractDetails>> Amend(Guid id, SanusDb db, HttpRequest request, HttpResponse response) =>
        await Respond(db, await AmendAsync(db, id, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ContractDetails>> Sign(Guid id, SignatureInput input, SanusDb db, TimeProvider clock, Signing signing, HttpResponse response) =>
        await Respond(db, await SignAsync(db, clock, signing, id, input), response);

    /// <summary>Reads the multipart form itself, like imports: a bound form would answer 415 before authentication.</summary>
    private static async Task<Ok<ContractDetails>> CustomerSign(Guid id, HttpRequest request, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        if (!request.HasFormContentType)
        {
            throw ProblemException.Invalid("file", "Send multipart/form-data: signatoryName, contactId (optional), signedOn (YYYY-MM-DD) and the signed copy as \"file\".");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is { Length: > 0 and <= MaxSignedCopyBytes })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            content = buffer.ToArray();
        }

        var errors = new Dictionary<string, string[]>();
        Guid? contactId = null;
        if (form["contactId"].ToString() is { Length: > 0 } contactText)
        {
            contactId = Guid.TryParse(contactText, out var parsed) ? parsed : null;
            if (contactId is null)
            {
                errors["contactId"] = ["Give the contact's id, or leave it empty."];
            }
        }

        DateOnly? signedOn = null;
        if (form["signedOn"].ToString() is { Length: > 0 } dateText)
        {
            signedOn = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", out var date) ? date : null;
            if (signedOn is null)
            {
                errors["signedOn"] = ["Give the date as YYYY-MM-DD."];
            }
        }

        if (file is { Length: > MaxSignedCopyBytes })
        {
            errors["file"] = [$"The signed copy is larger than {MaxSignedCopyBytes / 1024 / 1024} MB."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var input = new CustomerSignatureInput(form["signatoryName"], contactId, signedOn, file?.FileName, file?.ContentType, content);
        return await Respond(db, await RecordCustomerSignatureAsync(db, clock, id, input), response);
    }

    /// <summary>Served after the contract's own scope check: stored files have no download of their own.</summary>
    private static async Task<IResult> SignedCopy(Guid id, SanusDb db)
    {
        var contract = await GetAsync(db, id);
        var fileId = await db.Set<CustomerSignature>().AsNoTracking()
            .Where(s => s.ContractId == contract.Id).OrderByDescending(s => s.Revision).Select(s => (Guid?)s.SignedCopyFileId).FirstOrDefaultAsync();
        var file = fileId is { } stored ? await FileStore.FindAsync(db, stored) : null;
        return file is null ? throw ProblemException.NotFound("signed copy") : FileStore.Download(file);
    }

    private static async Task<FileContentHttpResult> Pdf(Guid id, SanusDb db, IConfiguration configuration)
    {
        var contract = await GetAsync(db, id);
        var document = await ContractDocument.BuildAsync(db, contract, ContractDocument.Issuer(configuration));
        return TypedResults.File(RecordPdf.Render(document), "application/pdf", $"{contract.Number} rev {contract.Revision}.pdf");
    }

    private static async Task<Ok<Ledger>> Payments(Guid id, SanusDb db) => TypedResults.Ok(await LedgerAsync(db, await GetAsync(db, id)));

    private static async Task<Created<Ledger>> AddPayment(Guid id, PaymentInput input, SanusDb db, TimeProvider clock)
    {
        await ContractPayments.AddAsync(db, clock, id, input);
        return TypedResults.Created($"/api/v1/contracts/{id}/payments", await LedgerAsync(db, await GetAsync(db, id)));
    }

    private static async Task<Created<Ledger>> Reverse(Guid id, Guid paymentId, ReversalInput input, SanusDb db, TimeProvider clock)
    {
        await ReverseAsync(db, clock, id, paymentId, input);
        return TypedResults.Created($"/api/v1/contracts/{id}/payments", await LedgerAsync(db, await GetAsync(db, id)));
    }

    private static async Task<Created<ChangeRequestView>> CreateChange(Guid id, ChangeRequestRules.CreateInput input, SanusDb db, TimeProvider clock)
    {
        var change = await ChangeRequestRules.CreateAsync(db, clock, id, input);
        return TypedResults.Created($"/api/v1/contracts/{id}/change-requests/{change.Id}", await ChangeView(db, id, change.Id));
    }

    private static async Task<Ok<ChangeRequestView>> Feasibility(Guid id, Guid changeId, FeasibilityInput input, SanusDb db, Signing signing)
    {
        await DecideFeasibilityAsync(db, signing, id, changeId, input);
        return TypedResults.Ok(await ChangeView(db, id, changeId));
    }

    private static async Task<Ok<ChangeRequestView>> Replacement(Guid id, Guid changeId, ReplacementInput input, SanusDb db, TimeProvider clock)
    {
        await RecordReplacementAsync(db, clock, id, changeId, input);
        return TypedResults.Ok(await ChangeView(db, id, changeId));
    }

    private static async Task<Ok<ChangeRequestView>> CustomerInformed(Guid id, Guid changeId, CustomerInformedInput input, SanusDb db, TimeProvider clock)
    {
        await RecordCustomerInformedAsync(db, clock, id, changeId, input);
        return TypedResults.Ok(await ChangeView(db, id, changeId));
    }

    private static async Task<ChangeRequestView> ChangeView(SanusDb db, Guid contractId, Guid changeId) =>
        (await ContractDetails.LoadAsync(db, await GetAsync(db, contractId))).ChangeRequests.Single(c => c.Id == changeId);

    private static async Task<Ok<ContractDetails>> Respond(SanusDb db, Contract contract, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(contract.Version);
        return TypedResults.Ok(await ContractDetails.LoadAsync(db, contract));
    }
}
