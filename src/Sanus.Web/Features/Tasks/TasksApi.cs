using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Tasks.TaskRules;

namespace Sanus.Web.Features.Tasks;

public static class TasksApi
{
    public static void MapTasksApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("/", List).WithSummary("Tasks, filtered (mine, overdue, done, companyId, contactId, dealId), soonest due first, keyset paged; overdue is flagged.");
        tasks.MapGet("/{id:guid}", Get).WithSummary("One task; its version is the ETag.");
        tasks.MapPost("/", Create).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Create a task (owner defaults to the caller).");
        tasks.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Change a task's title, due time, owner or links; If-Match honoured.");
        tasks.MapPost("/{id:guid}/complete", Complete).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Mark the task done.");
        tasks.MapPost("/{id:guid}/reopen", Reopen).RequireCapability(Capabilities.ActivitiesLog).WithSummary("Mark the task not done.");
    }

    private static async Task<Ok<TaskList.Page>> List(SanusDb db, TimeProvider clock, bool? mine, bool? overdue, bool? done, Guid? companyId, Guid? contactId, Guid? dealId, int? limit, string? cursor) =>
        TypedResults.Ok(await TaskList.ListAsync(db, clock, new TaskList.Filter(mine ?? false, overdue, done, companyId, contactId, dealId), Paging.Limit(limit), cursor));

    private static async Task<Ok<TaskView>> Get(Guid id, SanusDb db, TimeProvider clock, HttpResponse response) =>
        Respond(await GetAsync(db, id), clock, response);

    private static async Task<Created<TaskView>> Create(TaskInput input, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var task = await CreateAsync(db, input);
        response.Headers.ETag = Versioning.ETag(task.Version);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", TaskView.Of(task, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Ok<TaskView>> Update(Guid id, TaskInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await UpdateAsync(db, clock, id, input, Versioning.IfMatch(request)), clock, response);

    private static async Task<Ok<TaskView>> Complete(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await SetDoneAsync(db, clock, id, true, Versioning.IfMatch(request)), clock, response);

    private static async Task<Ok<TaskView>> Reopen(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await SetDoneAsync(db, clock, id, false, Versioning.IfMatch(request)), clock, response);

    private static Ok<TaskView> Respond(TaskItem task, TimeProvider clock, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(task.Version);
        return TypedResults.Ok(TaskView.Of(task, clock.GetUtcNow().UtcDateTime));
    }
}
