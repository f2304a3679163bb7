using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Signatures;
using static Sanus.Web.Features.Implementation.ImplementationPlans;
using static Sanus.Web.Features.Implementation.Trainings;

namespace Sanus.Web.Features.Implementation;

/// <summary>IMP-1 implementation plans and IMP-2 training sessions under /api/v1.</summary>
public static class ImplementationApi
{
    public sealed record MilestonesRequest(IReadOnlyList<MilestoneInput>? Milestones, bool StartNewRevision = false);

    public sealed record MilestoneDoneRequest(DateOnly? DoneOn);

    public sealed record AttendeeRequest(Guid? ContactId);

    public sealed record AttendanceRequest(bool Attended);

    public sealed record AssessmentRequest(int? Score);

    public static void MapImplementationApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/implementation-plans").WithTags("Implementation plans");
        plans.MapGet("/", ListPlans).WithSummary("The implementation plans of a deal (dealId required), the newest first.");
        plans.MapGet("/{id:guid}", GetPlan).WithSummary("One plan with its checklist progress, signatures and linked trainings; its version is the ETag.");
        plans.MapGet("/{id:guid}/progress", Progress).WithSummary("The plan's checklist: seven counted items, the two signatures shown but not counted.");
        plans.MapPut("/{id:guid}", UpdatePlan).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Change the plan; If-Match honoured. A signed revision is refused (409) unless startNewRevision is true, which starts the next revision. Null leads/milestones are left as they are.");
        plans.MapPut("/{id:guid}/milestones", Milestones).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Replace the timeline (milestones with title, due date, done date); the same revision rule as any edit.");
        plans.MapPost("/{id:guid}/milestones/{milestoneId:guid}/done", MilestoneDone).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Mark a milestone done on a date (null to reopen); progress, not a change to the signed plan.");
        plans.MapPost("/{id:guid}/sign", Sign).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Sign the current revision for us (REC-3): password, authenticator code when enrolled, meaning approver or signer.");
        plans.MapPost("/{id:guid}/customer-signature", CustomerSign).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Record the customer's signature on the current revision: signer name, date, optional file.");
        // A multipart upload: only a bearer token may write to the API (ADR 0004), so there is no cookie to forge.
        plans.MapPost("/{id:guid}/customer-signatures/{signatureId:guid}/file", AttachScan).RequireCapability(Capabilities.DealsEdit).DisableAntiforgery()
            .WithSummary("Keep the scan of the plan as the customer signed it (multipart field \"file\", up to 20 MB); a kept scan is never replaced.");
        plans.MapGet("/{id:guid}/customer-signatures/{signatureId:guid}/file", Scan).WithSummary("Download the scan of a customer signature.");

        var trainings = api.MapGroup("/trainings").WithTags("Trainings");
        trainings.MapGet("/", ListTrainings).WithSummary("Training sessions, newest first, filtered by kind, companyId, planId, trainerId, from, to (dates) and q (title).");
        trainings.MapGet("/{id:guid}", GetTraining).WithSummary("One session with companies, materials, attendees and their assessments; its version is the ETag.");
        trainings.MapPost("/", CreateTraining).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Schedule a session: individual (one company) or webinar (many, with a recurrence note). The pass mark defaults to Sanus:TrainingPassMark (80).");
        trainings.MapPut("/{id:guid}", UpdateTraining).RequireCapability(Capabilities.DealsEdit).WithSummary("Change a session; If-Match honoured.");
        trainings.MapDelete("/{id:guid}", ArchiveTraining).RequireCapability(Capabilities.DealsEdit).WithSummary("Archive a session.");
        trainings.MapPost("/{id:guid}/materials/file", AddMaterialFile).RequireCapability(Capabilities.DealsEdit).DisableAntiforgery()
            .WithSummary("Add a material kept as a file (multipart: file up to 20 MB, optional title).");
        trainings.MapGet("/{id:guid}/materials/{materialId:guid}/file", MaterialFile).WithSummary("Download a material's file.");
        trainings.MapPost("/{id:guid}/attendees", AddAttendee).RequireCapability(Capabilities.DealsEdit).WithSummary("Invite a contact of one of the session's companies.");
        trainings.MapPut("/{id:guid}/attendees/{contactId:guid}", Attendance).RequireCapability(Capabilities.DealsEdit).WithSummary("Mark whether the attendee attended.");
        trainings.MapDelete("/{id:guid}/attendees/{contactId:guid}", RemoveAttendee).RequireCapability(Capabilities.DealsEdit).WithSummary("Remove an invitee who did not attend.");
        trainings.MapPut("/{id:guid}/attendees/{contactId:guid}/assessment", Assess).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Record the attendee's score (0-100); passed is score >= the session's pass mark.");
    }

    private static async Task<Ok<List<PlanView>>> ListPlans(Guid? dealId, SanusDb db)
    {
        var id = dealId ?? throw ProblemException.Invalid("dealId", "Give the deal whose plans you want.");
        var views = new List<PlanView>();
        foreach (var plan in await ForDealAsync(db, id))
        {
            views.Add(await PlanView.OfAsync(db, plan));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Ok<PlanView>> GetPlan(Guid id, SanusDb db, HttpResponse response) => await Respond(db, await ImplementationPlans.GetAsync(db, id), response);

    private static async Task<Ok<PlanProgress>> Progress(Guid id, SanusDb db)
    {
        var plan = await ImplementationPlans.GetAsync(db, id);
        return TypedResults.Ok(PlanProgress.Of(plan, await FactsAsync(db, plan)));
    }

    private static async Task<Ok<PlanView>> UpdatePlan(Guid id, PlanInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await Respond(db, await ImplementationPlans.UpdateAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<PlanView>> Milestones(Guid id, MilestonesRequest input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await Respond(db, await UpdateMilestonesAsync(db, clock, id, input.Milestones ?? [], input.StartNewRevision, Versioning.IfMatch(request)), response);

    private static async Task<Ok<PlanView>> MilestoneDone(Guid id, Guid milestoneId, MilestoneDoneRequest input, SanusDb db, TimeProvider clock, HttpResponse response) =>
        await Respond(db, await MarkMilestoneAsync(db, clock, id, milestoneId, input.DoneOn), response);

    private static async Task<Created<SignatureView>> Sign(Guid id, SignatureInput input, SanusDb db, Signing signing)
    {
        var signature = await SignAsync(db, signing, id, input);
        return TypedResults.Created($"/api/v1/implementation-plans/{id}", SignatureView.Of(signature));
    }

    private static async Task<Created<CustomerSignatureView>> CustomerSign(Guid id, CustomerSignatureInput input, SanusDb db, TimeProvider clock)
    {
        var s = await RecordCustomerSignatureAsync(db, clock, id, input);
        return TypedResults.Created($"/api/v1/implementation-plans/{id}", new CustomerSignatureView(s.Id, s.Revision, s.SignerName, s.SignedOn, s.FileId, s.RecordedBy, s.RecordedAt));
    }

    /// <summary>Reads the multipart form itself (as the imports do) so an anonymous caller gets 401, not 415.</summary>
    private static async Task<Ok<CustomerSignatureView>> AttachScan(Guid id, Guid signatureId, HttpRequest request, SanusDb db, TimeProvider clock)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync()).Files.GetFile("file") : null;
        if (file is null)
        {
            throw ProblemException.Invalid("file", "Send multipart/form-data with the scan as the field \"file\".");
        }

        if (file.Length > FileStore.MaxLength)
        {
            throw ProblemException.Invalid("file", "Files may be at most 20 MB.");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var s = await AttachCustomerScanAsync(db, clock, id, signatureId, new SignedScan(file.FileName, file.ContentType, content.ToArray()));
        return TypedResults.Ok(new CustomerSignatureView(s.Id, s.Revision, s.SignerName, s.SignedOn, s.FileId, s.RecordedBy, s.RecordedAt));
    }

    private static async Task<IResult> Scan(Guid id, Guid signatureId, SanusDb db) => FileStore.Download(await CustomerScanAsync(db, id, signatureId));

    private static async Task<Ok<PlanView>> Respond(SanusDb db, ImplementationPlan plan, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(plan.Version);
        return TypedResults.Ok(await PlanView.OfAsync(db, plan));
    }

    private static async Task<Ok<List<TrainingSummary>>> ListTrainings(SanusDb db, string? kind, Guid? companyId, Guid? planId, string? trainerId, DateOnly? from, DateOnly? to, string? q, int? limit) =>
        TypedResults.Ok(await ListAsync(db, new Filter(kind, companyId, planId, trainerId, from, to, q), Paging.Limit(limit)));

    private static async Task<Ok<TrainingView>> GetTraining(Guid id, SanusDb db, HttpResponse response) => await Respond(db, await Trainings.GetAsync(db, id), response);

    private static async Task<Created<TrainingView>> CreateTraining(TrainingInput input, SanusDb db, IConfiguration configuration, HttpResponse response)
    {
        var session = await CreateAsync(db, TrainingSettings.From(configuration), input);
        response.Headers.ETag = Versioning.ETag(session.Version);
        return TypedResults.Created($"/api/v1/trainings/{session.Id}", await TrainingView.OfAsync(db, session));
    }

    private static async Task<Ok<TrainingView>> UpdateTraining(Guid id, TrainingInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        await Respond(db, await Trainings.UpdateAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<TrainingView>> ArchiveTraining(Guid id, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var session = await Trainings.GetAsync(db, id);
        session.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return await Respond(db, session, response);
    }

    private static async Task<Ok<TrainingView>> AddMaterialFile(Guid id, HttpRequest request, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var file = form?.Files.GetFile("file") ?? throw ProblemException.Invalid("file", "Send multipart/form-data with the material as the field \"file\".");
        if (file.Length > FileStore.MaxLength)
        {
            throw ProblemException.Invalid("file", "Files may be at most 20 MB.");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        return await Respond(db, await AddMaterialFileAsync(db, clock, id, form!["title"], file.FileName, file.ContentType, content.ToArray()), response);
    }

    private static async Task<IResult> MaterialFile(Guid id, Guid materialId, SanusDb db) => FileStore.Download(await MaterialFileAsync(db, id, materialId));

    private static async Task<Ok<TrainingView>> AddAttendee(Guid id, AttendeeRequest input, SanusDb db, HttpResponse response) =>
        await Respond(db, await AddAttendeeAsync(db, id, input.ContactId), response);

    private static async Task<Ok<TrainingView>> Attendance(Guid id, Guid contactId, AttendanceRequest input, SanusDb db, HttpResponse response) =>
        await Respond(db, await SetAttendanceAsync(db, id, contactId, input.Attended), response);

    private static async Task<Ok<TrainingView>> RemoveAttendee(Guid id, Guid contactId, SanusDb db, HttpResponse response) =>
        await Respond(db, await RemoveAttendeeAsync(db, id, contactId), response);

    private static async Task<Ok<AttendeeView>> Assess(Guid id, Guid contactId, AssessmentRequest input, SanusDb db, TimeProvider clock)
    {
        await AssessAsync(db, clock, id, contactId, input.Score);
        var view = await TrainingView.OfAsync(db, await Trainings.GetAsync(db, id));
        return TypedResults.Ok(view.Attendees.Single(a => a.ContactId == contactId));
    }

    private static async Task<Ok<TrainingView>> Respond(SanusDb db, TrainingSession session, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(session.Version);
        return TypedResults.Ok(await TrainingView.OfAsync(db, session));
    }
}
