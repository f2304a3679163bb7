using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Features.Tasks;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Activities.ActivityRules;

namespace Sanus.Web.Features.Activities;

public static class ActivitiesApi
{
    public static void MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities");
        activities.MapGet("/", List).WithSummary("Activities linked directly to a record (companyId, contactId, dealId), of a type, newest first, keyset paged.");
        activities.MapGet("/{id:guid}", Get).WithSummary("One activity; its version is the ETag.");
        activities.MapPost("/", Create).RequireCapability(Capabilities.ActivitiesLog)
            .WithSummary("Log an activity linked to companies, contacts and deals; the contacts' companies move to Attempted or Connected (CO-4). Meetings need startsAt and endsAt.");
        activities.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Change an activity; If-Match honoured.");
        activities.MapDelete("/{id:guid}", Archive).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Archive an activity.");
        activities.MapPost("/{id:guid}/restore", Restore).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Restore an archived activity.");
        activities.MapPost("/{id:guid}/follow-up", FollowUp).RequireCapability(Capabilities.ActivitiesLog)
            .WithSummary("Create a follow-up task from the activity in one step, linked to the same records (ACT-2).");
        activities.MapGet("/{id:guid}/invite.ics", Invite).WithSummary("The meeting's calendar invite (RFC 5545).");
        activities.MapPost("/{id:guid}/send-invite", SendInvite).RequireCapability(Capabilities.ActivitiesLog)
            .WithSummary("Email the invite to the attendees through SMTP and log the email on the timeline (ACT-3, INT-3).");
        api.MapGet("/timeline", Timeline).WithTags("Activities")
            .WithSummary("Everything linked to one record (companyId, contactId or dealId): activities, tasks and deal stage moves, newest first, keyset paged.");
    }

    private static async Task<Ok<ActivityList.Page>> List(SanusDb db, Guid? companyId, Guid? contactId, Guid? dealId, string? type, bool? includeArchived, int? limit, string? cursor) =>
        TypedResults.Ok(await ActivityList.ListAsync(db, new ActivityList.Filter(companyId, contactId, dealId, type, includeArchived ?? false), Paging.Limit(limit), cursor));

    private static async Task<Ok<TimelineFeed.Page>> Timeline(SanusDb db, TimeProvider clock, Guid? companyId, Guid? contactId, Guid? dealId, int? limit, string? cursor) =>
        TypedResults.Ok(await TimelineFeed.PageAsync(db, clock, companyId, contactId, dealId, Paging.Limit(limit), cursor));

    private static async Task<Ok<ActivityView>> Get(Guid id, SanusDb db, HttpResponse response) => Respond(await GetAsync(db, id), response);

    private static async Task<Created<ActivityView>> Create(ActivityInput input, SanusDb db, TimeProvider clock, MeetingSettings settings, HttpResponse response)
    {
        var activity = await CreateAsync(db, clock, settings, input);
        response.Headers.ETag = Versioning.ETag(activity.Version);
        return TypedResults.Created($"/api/v1/activities/{activity.Id}", ActivityView.Of(activity));
    }

    private static async Task<Ok<ActivityView>> Update(Guid id, ActivityInput input, SanusDb db, TimeProvider clock, MeetingSettings settings, HttpRequest request, HttpResponse response) =>
        Respond(await UpdateAsync(db, clock, settings, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ActivityView>> Archive(Guid id, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(ActivityView.Of(await SetArchivedAsync(db, clock, id, true)));

    private static async Task<Ok<ActivityView>> Restore(Guid id, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(ActivityView.Of(await SetArchivedAsync(db, clock, id, false)));

    private static async Task<Created<TaskRules.TaskView>> FollowUp(Guid id, TaskRules.FollowUpInput input, SanusDb db, TimeProvider clock)
    {
        var task = await TaskRules.FollowUpAsync(db, id, input);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", TaskRules.TaskView.Of(task, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<FileContentHttpResult> Invite(Guid id, SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await MeetingInvites.BuildAsync(db, clock, mailer, settings, id)), "text/calendar; charset=utf-8", "invite.ics");

    private static async Task<Created<ActivityView>> SendInvite(Guid id, SanusDb db, TimeProvider clock, Mailer mailer, MeetingSettings settings)
    {
        var logged = await MeetingInvites.SendAsync(db, clock, mailer, settings, id);
        return TypedResults.Created($"/api/v1/activities/{logged.Id}", ActivityView.Of(logged));
    }

    private static Ok<ActivityView> Respond(Activity activity, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(activity.Version);
        return TypedResults.Ok(ActivityView.Of(activity));
    }
}
