using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Tasks;

/// <summary>What users do with tasks (ACT-2): create, change, complete, reopen, and follow up an activity in one step.</summary>
public static class TaskRules
{
    public sealed record TaskInput(string? Title, DateTime? DueAt, string? OwnerId = null, Guid? CompanyId = null, Guid? ContactId = null, Guid? DealId = null);

    public sealed record FollowUpInput(string? Title, DateTime? DueAt, string? OwnerId = null);

    public sealed record TaskView(
        Guid Id, int Version, string Title, DateTime DueAt, string? OwnerId, bool Done, DateTime? DoneAt, bool Overdue,
        Guid? CompanyId, Guid? ContactId, Guid? DealId, Guid? ActivityId, DateTime CreatedAt, DateTime UpdatedAt)
    {
        /// <summary>Overdue is computed against the clock at the time of asking, never stored.</summary>
        public static TaskView Of(TaskItem t, DateTime now) => new(t.Id, t.Version, t.Title, t.DueAt, t.OwnerId, t.Done, t.DoneAt, t.IsOverdue(now),
            t.CompanyId, t.ContactId, t.DealId, t.ActivityId, t.CreatedAt, t.UpdatedAt);
    }

    public static async Task<TaskItem> CreateAsync(SanusDb db, TaskInput input)
    {
        var task = new TaskItem { OwnerId = db.CurrentUserId };
        await ApplyAsync(db, task, input);
        db.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public static async Task<TaskItem> UpdateAsync(SanusDb db, TimeProvider clock, Guid id, TaskInput input, int? expectedVersion)
    {
        var task = await GetAsync(db, id);
        Versioning.Check(task, expectedVersion, () => TaskView.Of(task, clock.GetUtcNow().UtcDateTime));
        await ApplyAsync(db, task, input);
        await Versioning.SaveAsync(db, task, expectedVersion, t => TaskView.Of(t, clock.GetUtcNow().UtcDateTime));
        return task;
    }

    public static async Task<TaskItem> SetDoneAsync(SanusDb db, TimeProvider clock, Guid id, bool done, int? expectedVersion)
    {
        var task = await GetAsync(db, id);
        Versioning.Check(task, expectedVersion, () => TaskView.Of(task, clock.GetUtcNow().UtcDateTime));
        if (task.Done != done)
        {
            task.Done = done;
            task.DoneAt = done ? clock.GetUtcNow().UtcDateTime : null;
            await Versioning.SaveAsync(db, task, expectedVersion, t => TaskView.Of(t, clock.GetUtcNow().UtcDateTime));
        }

        return task;
    }

    /// <summary>ACT-2: a follow-up task from an activity, linked to the same company, contact and deal (the first of each).</summary>
    public static async Task<TaskItem> FollowUpAsync(SanusDb db, Guid activityId, FollowUpInput input)
    {
        var activity = await ActivityRules.GetAsync(db, activityId);
        var title = string.IsNullOrWhiteSpace(input.Title) ? "Follow up: " + activity.Subject : input.Title;
        var task = new TaskItem { OwnerId = db.CurrentUserId, ActivityId = activity.Id };
        await ApplyAsync(db, task, new TaskInput(
            title.Length > 300 ? title[..300] : title,
            input.DueAt,
            input.OwnerId,
            activity.Companies.Select(l => (Guid?)l.CompanyId).FirstOrDefault(),
            activity.Contacts.Select(l => (Guid?)l.ContactId).FirstOrDefault(),
            activity.Deals.Select(l => (Guid?)l.DealId).FirstOrDefault()));
        db.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    /// <summary>A task the caller may see (ACC-3); out of scope is the same as missing.</summary>
    public static async Task<TaskItem> GetAsync(SanusDb db, Guid id) =>
        await db.Set<TaskItem>().SingleOrDefaultAsync(t => t.Id == id && t.ArchivedAt == null) ?? throw ProblemException.NotFound("task");

    private static async Task ApplyAsync(SanusDb db, TaskItem task, TaskInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            errors["title"] = ["Say what is to be done, e.g. \"Send the pilot proposal\" (at most 300 characters)."];
        }

        if (input.DueAt is null)
        {
            errors["dueAt"] = ["Give the due time (UTC)."];
        }

        if (input.CompanyId is { } company && !await db.Set<Company>().AnyAsync(c => c.Id == company))
        {
            errors["companyId"] = ["The company doesn't exist or you may not see it."];
        }

        if (input.ContactId is { } contact && !await db.Set<Contact>().AnyAsync(c => c.Id == contact))
        {
            errors["contactId"] = ["The contact doesn't exist or you may not see it."];
        }

        if (input.DealId is { } deal && !await db.Set<Deal>().AnyAsync(d => d.Id == deal))
        {
            errors["dealId"] = ["The deal doesn't exist or you may not see it."];
        }

        if (input.OwnerId is { Length: > 0 } ownerId && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive))
        {
            errors["ownerId"] = ["Choose an active user as the owner."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var due = input.DueAt!.Value;
        task.Title = title;
        task.DueAt = due.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : due.ToUniversalTime();
        task.OwnerId = string.IsNullOrWhiteSpace(input.OwnerId) ? task.OwnerId : input.OwnerId;
        task.CompanyId = input.CompanyId;
        task.ContactId = input.ContactId;
        task.DealId = input.DealId;
    }
}
