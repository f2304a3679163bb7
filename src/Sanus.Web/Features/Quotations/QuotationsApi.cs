using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;
using static Sanus.Web.Features.Quotations.QuotationRules;

namespace Sanus.Web.Features.Quotations;

public static class QuotationsApi
{
    public static void MapQuotationsApi(this RouteGroupBuilder api)
    {
        var quotations = api.MapGroup("/quotations").WithTags("Quotations");
        quotations.MapGet("/", List).WithSummary("Every revision of the quotations of a deal (dealId), newest first.");
        quotations.MapGet("/settings", GetSettings).WithSummary("The discount limit above which a quotation needs approval (Q-3).");
        quotations.MapPut("/settings", SetSettings).RequireCapability(Capabilities.PricingManage).WithSummary("Set the discount limit in %; If-Match honoured.");
        quotations.MapGet("/{id:guid}", Get).WithSummary("One revision with lines, totals, discount, approval state, signatures and sibling revisions; its version is the ETag.");
        quotations.MapPost("/", Create).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Create revision 1 of a quotation from a template (api, clinical-trial, equipment); the number is taken by the system (REC-4).");
        quotations.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.DealsEdit).WithSummary("Change a draft revision; an issued one is frozen (409). If-Match honoured.");
        quotations.MapPost("/{id:guid}/approve", Approve).RequireCapability(Capabilities.QuotesApprove)
            .WithSummary("Approve a revision above the discount limit with a signature (password, code, meaning 'approver').");
        quotations.MapPost("/{id:guid}/issue", Issue).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Issue: freeze the revision, render and keep its PDF, supersede the previous revision, move the deal to Offer Sent.");
        quotations.MapPost("/{id:guid}/revise", Revise).RequireCapability(Capabilities.DealsEdit).WithSummary("Start the next revision of an issued quotation, a draft copy under the same number.");
        quotations.MapPost("/{id:guid}/accept", Accept).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Record the customer's acceptance (date, contact, note, evidence file); the deal moves to Offer Approved.");
        quotations.MapPost("/{id:guid}/reject", Reject).RequireCapability(Capabilities.DealsEdit).WithSummary("Record the customer's rejection (date, contact, note, evidence file).");
        quotations.MapGet("/{id:guid}/pdf", Pdf).WithSummary("The PDF of the revision: as stored when issued (same bytes ever after); a draft gets a preview marked DRAFT.");
        quotations.MapGet("/{id:guid}/evidence", Evidence).WithSummary("The file recorded as proof of the customer's acceptance or rejection.");
        quotations.MapPost("/{id:guid}/email", Email).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Email the issued PDF to the deal's contacts (or contactIds); logged on the timeline.");
        api.MapGet("/deals/{id:guid}/quotations", ForDeal).WithTags("Quotations").WithSummary("Every revision of the deal's quotations, newest first.");
    }

    private static async Task<Ok<List<RevisionSummary>>> List(Guid? dealId, SanusDb db) =>
        TypedResults.Ok((await ForDealAsync(db, dealId ?? throw Platform.Problems.ProblemException.Invalid("dealId", "Give the deal whose quotations to list."))).Select(QuotationView.Summary).ToList());

    private static Task<Ok<List<RevisionSummary>>> ForDeal(Guid id, SanusDb db) => List(id, db);

    private static async Task<Ok<QuotationSettingsRules.SettingsView>> GetSettings(SanusDb db, HttpResponse response)
    {
        var settings = await QuotationSettingsRules.GetAsync(db);
        response.Headers.ETag = Versioning.ETag(settings.Version);
        return TypedResults.Ok(settings);
    }

    private static async Task<Ok<QuotationSettingsRules.SettingsView>> SetSettings(QuotationSettingsRules.SettingsInput input, SanusDb db, HttpRequest request, HttpResponse response)
    {
        var settings = await QuotationSettingsRules.SetAsync(db, input, Versioning.IfMatch(request));
        response.Headers.ETag = Versioning.ETag(settings.Version);
        return TypedResults.Ok(settings);
    }

    private static async Task<Ok<QuotationView>> Get(Guid id, SanusDb db, HttpResponse response) => await Respond(db, await GetAsync(db, id), response);

    private static async Task<Created<QuotationView>> Create(CreateInput input, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var quotation = await CreateAsync(db, clock, input);
        response.Headers.ETag = Versioning.ETag(quotation.Version);
        return TypedResults.Created($"/api/v1/quotations/{quotation.Id}", await QuotationView.LoadAsync(db, quotation));
    }

    private static async Task<Ok<QuotationView>> Update(Guid id, UpdateInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await Respond(db, await UpdateAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<QuotationView>> Approve(Guid id, SignatureInput signature, SanusDb db, Signing signing, HttpResponse response) =>
        await Respond(db, await ApproveAsync(db, signing, id, signature), response);

    private static async Task<Ok<QuotationView>> Issue(Guid id, SanusDb db, TimeProvider clock, IConfiguration configuration, HttpRequest request, HttpResponse response) =>
        await Respond(db, await QuotationIssuing.IssueAsync(db, clock, QuotationDocument.Issuer(configuration), id, Versioning.IfMatch(request)), response);

    private static async Task<IResult> Pdf(Guid id, SanusDb db, IConfiguration configuration)
    {
        var (fileName, bytes, stored) = await QuotationIssuing.PdfAsync(db, QuotationDocument.Issuer(configuration), id);
        return stored is not null ? FileStore.Download(stored) : TypedResults.File(bytes, "application/pdf", fileName);
    }

    private static async Task<IResult> Evidence(Guid id, SanusDb db)
    {
        var quotation = await GetAsync(db, id);
        return quotation.DecisionEvidenceFileId is { } fileId && await FileStore.FindAsync(db, fileId) is { } file
            ? FileStore.Download(file)
            : throw Platform.Problems.ProblemException.NotFound("evidence file for this quotation");
    }

    private static async Task<NoContent> Email(Guid id, QuotationIssuing.EmailInput input, SanusDb db, Mailer mailer, TimeProvider clock)
    {
        await QuotationIssuing.EmailAsync(db, mailer, clock, id, input);
        return TypedResults.NoContent();
    }

    private static async Task<Created<QuotationView>> Revise(Guid id, SanusDb db, HttpResponse response)
    {
        var next = await ReviseAsync(db, id);
        response.Headers.ETag = Versioning.ETag(next.Version);
        return TypedResults.Created($"/api/v1/quotations/{next.Id}", await QuotationView.LoadAsync(db, next));
    }

    private static async Task<Ok<QuotationView>> Accept(Guid id, DecisionInput input, SanusDb db, TimeProvider clock, HttpResponse response) =>
        await Respond(db, await AcceptAsync(db, clock, id, input), response);

    private static async Task<Ok<QuotationView>> Reject(Guid id, DecisionInput input, SanusDb db, TimeProvider clock, HttpResponse response) =>
        await Respond(db, await RejectAsync(db, clock, id, input), response);

    private static async Task<Ok<QuotationView>> Respond(SanusDb db, Quotation quotation, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(quotation.Version);
        return TypedResults.Ok(await QuotationView.LoadAsync(db, quotation));
    }
}
