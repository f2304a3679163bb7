using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Requirements;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Inquiries.InquiryRules;

namespace Sanus.Web.Features.Inquiries;

/// <summary>
/// INQ-1, INQ-2. The capability policies stand at the door; the use cases check them again with whose turn it is, so the
/// pages obey the same rules. Answering a routed post-sales inquiry needs no capability: being the person it was routed to is what counts.
/// </summary>
public static class InquiriesApi
{
    /// <summary>Maps /inquiries and the records triage raises: /complaints and /product-requirements.</summary>
    public static void MapInquiriesApi(this RouteGroupBuilder api)
    {
        api.MapComplaintsApi();
        api.MapRequirementsApi();
        var inquiries = api.MapGroup("/inquiries").WithTags("Inquiries");
        inquiries.MapGet("/", List).WithSummary("Inquiries, filtered (kind, status, dealId, companyId, assignedToMe, open), newest first, keyset paged.");
        inquiries.MapGet("/{id:guid}", Get).WithSummary("One inquiry with every step in order and the actions the caller may take now; its version is the ETag.");
        inquiries.MapPost("/pre-sales", CreatePreSales).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Log a customer's technical question on a deal (INQ-1): it goes to the deal owner.");
        inquiries.MapPost("/post-sales", CreatePostSales).WithSummary("Log a customer's post-sales inquiry (INQ-2; activities.log or inquiries.triage): it waits for triage.");
        inquiries.MapPost("/{id:guid}/answer", AnswerQuestion)
            .WithSummary("The final answer: by the deal owner directly (deals.edit), or by the person a post-sales inquiry was routed to. One answer only (422 after).");
        inquiries.MapPost("/{id:guid}/escalate", Escalate).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("The deal owner escalates to a Project Manager (a user holding inquiries.answer-escalated) with context.");
        inquiries.MapPost("/{id:guid}/consult", Consult).RequireCapability(Capabilities.InquiriesAnswerEscalated)
            .WithSummary("The Project Manager records a consultation of another department: department, person, note.");
        inquiries.MapPost("/{id:guid}/propose", Propose).RequireCapability(Capabilities.InquiriesAnswerEscalated)
            .WithSummary("The Project Manager proposes an answer; it goes back to the deal owner.");
        inquiries.MapPost("/{id:guid}/send", SendAnswer).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("The deal owner sends the final answer: the proposed one, or an edited one. One answer only (422 after).");
        inquiries.MapPost("/{id:guid}/triage", Triage).RequireCapability(Capabilities.InquiriesTriage)
            .WithSummary("The Customer Success Manager triages once: answered, routed (department, assigneeId), complaint (creates a complaint) or requirement (creates a product requirement).");
    }

    private static async Task<Ok<InquiryList.Page>> List(
        SanusDb db, string? kind, string? status, Guid? dealId, Guid? companyId, bool? assignedToMe, bool? open, int? limit, string? cursor) =>
        TypedResults.Ok(await InquiryList.ListAsync(db, new InquiryList.Filter(kind, status, dealId, companyId, assignedToMe ?? false, open ?? false), Paging.Limit(limit), cursor));

    private static async Task<Ok<InquiryView>> Get(Guid id, SanusDb db, HttpResponse response) => await RespondAsync(db, await GetAsync(db, id), response);

    private static async Task<Created<InquiryView>> CreatePreSales(PreSalesInput input, SanusDb db, TimeProvider clock, HttpResponse response) =>
        await CreatedAsync(db, await CreatePreSalesAsync(db, clock, input), response);

    private static async Task<Created<InquiryView>> CreatePostSales(PostSalesInput input, SanusDb db, TimeProvider clock, HttpResponse response) =>
        await CreatedAsync(db, await CreatePostSalesAsync(db, clock, input), response);

    private static async Task<Ok<InquiryView>> AnswerQuestion(
        Guid id, AnswerInput input, SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await AnswerAsync(db, clock, id, input, Versioning.IfMatch(request), new AnswerMail(mailer, settings)), response);

    private static async Task<Ok<InquiryView>> Escalate(Guid id, EscalateInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await EscalateAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<InquiryView>> Consult(Guid id, ConsultInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await ConsultAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<InquiryView>> Propose(Guid id, ProposeInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await ProposeAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<InquiryView>> SendAnswer(
        Guid id, AnswerInput input, SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await SendAsync(db, clock, id, input, Versioning.IfMatch(request), new AnswerMail(mailer, settings)), response);

    private static async Task<Ok<InquiryView>> Triage(
        Guid id, TriageInput input, SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await TriageAsync(db, clock, id, input, Versioning.IfMatch(request), new AnswerMail(mailer, settings)), response);

    private static async Task<Created<InquiryView>> CreatedAsync(SanusDb db, Inquiry inquiry, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(inquiry.Version);
        return TypedResults.Created($"/api/v1/inquiries/{inquiry.Id}", await InquiryView.OfAsync(db, inquiry, await Actor.CurrentAsync(db)));
    }

    private static async Task<Ok<InquiryView>> RespondAsync(SanusDb db, Inquiry inquiry, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(inquiry.Version);
        return TypedResults.Ok(await InquiryView.OfAsync(db, inquiry, await Actor.CurrentAsync(db)));
    }
}
