using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Activities;

/// <summary>What users do with activities (ACT-1, ACT-3, CO-4). Used by the pages and the API alike.</summary>
public static class ActivityRules
{
    public sealed record ActivityInput(
        string? Type,
        string? Direction,
        string? Subject,
        DateTime? At = null,
        string? Body = null,
        string? OwnerId = null,
        IReadOnlyList<Guid>? CompanyIds = null,
        IReadOnlyList<Guid>? ContactIds = null,
        IReadOnlyList<Guid>? DealIds = null,
        DateTime? StartsAt = null,
        DateTime? EndsAt = null,
        string? Location = null,
        IReadOnlyList<Guid>? AttendeeIds = null);

    public sealed record ActivityView(
        Guid Id, int Version, string Type, string Direction, DateTime At, string Subject, string? Body, string? OwnerId,
        IReadOnlyList<Guid> CompanyIds, IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> DealIds,
        DateTime? StartsAt, DateTime? EndsAt, string? Location, IReadOnlyList<Guid> AttendeeIds,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
    {
        public static ActivityView Of(Activity a) => new(a.Id, a.Version, a.Type, a.Direction, a.At, a.Subject, a.Body, a.OwnerId,
            a.Companies.Select(l => l.CompanyId).ToList(), a.Contacts.Select(l => l.ContactId).ToList(), a.Deals.Select(l => l.DealId).ToList(),
            a.StartsAt, a.EndsAt, a.Location, a.Attendees.Select(l => l.ContactId).ToList(), a.CreatedAt, a.UpdatedAt, a.ArchivedAt);
    }

    /// <summary>Logs an activity; the companies of its contacts move to Attempted or Connected (CO-4); a meeting gets its reminder.</summary>
    public static async Task<Activity> CreateAsync(SanusDb db, TimeProvider clock, MeetingSettings settings, ActivityInput input)
    {
        var activity = new Activity { OwnerId = db.CurrentUserId };
        await ApplyAsync(db, clock, activity, input);
        db.Add(activity);
        await LeadStatusRules.ApplyAsync(db, activity);
        MeetingReminders.Schedule(db, activity, settings, existing: null);
        await db.SaveChangesAsync();
        return activity;
    }

    public static async Task<Activity> UpdateAsync(SanusDb db, TimeProvider clock, MeetingSettings settings, Guid id, ActivityInput input, int? expectedVersion)
    {
        var activity = await GetAsync(db, id);
        Versioning.Check(activity, expectedVersion, () => ActivityView.Of(activity));
        await ApplyAsync(db, clock, activity, input);
        var reminder = await db.Set<MeetingReminder>().SingleOrDefaultAsync(r => r.ActivityId == activity.Id);
        MeetingReminders.Schedule(db, activity, settings, reminder);
        await Versioning.SaveAsync(db, activity, expectedVersion, ActivityView.Of);
        return activity;
    }

    /// <summary>Activities are archived, never deleted (REC-2); an archived meeting sends no reminder.</summary>
    public static async Task<Activity> SetArchivedAsync(SanusDb db, TimeProvider clock, Guid id, bool archived)
    {
        var activity = await GetAsync(db, id);
        activity.ArchivedAt = archived ? activity.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync();
        return activity;
    }

    /// <summary>An activity the caller may see (ACC-3); out of scope is the same as missing.</summary>
    public static async Task<Activity> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Activity>().Include(a => a.Companies).Include(a => a.Contacts).Include(a => a.Deals).Include(a => a.Attendees)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id)
        ?? throw ProblemException.NotFound("activity");

    private static async Task ApplyAsync(SanusDb db, TimeProvider clock, Activity activity, ActivityInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Type is null || ActivityTypes.All.All(t => t.Value != input.Type))
        {
            errors["type"] = [$"Choose the kind of activity: {string.Join(", ", ActivityTypes.All.Select(t => t.Value))}."];
        }

        var direction = input.Direction ?? ActivityDirections.Outbound;
        if (ActivityDirections.All.All(d => d.Value != direction))
        {
            errors["direction"] = ["Say who initiated it: outbound (we did) or inbound (they did)."];
        }

        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length is 0 or > 300)
        {
            errors["subject"] = ["Give the activity a subject, e.g. \"Call about the pilot\" (at most 300 characters)."];
        }

        if (input.Body is { Length: > 20000 })
        {
            errors["body"] = ["Keep the text under 20,000 characters."];
        }

        var meeting = input.Type is not null && ActivityTypes.IsMeeting(input.Type);
        if (meeting)
        {
            if (input.StartsAt is null || input.EndsAt is null)
            {
                errors["startsAt"] = ["A meeting needs its start and end time."];
            }
            else if (input.EndsAt <= input.StartsAt)
            {
                errors["endsAt"] = ["The meeting must end after it starts."];
            }
        }

        var companyIds = Distinct(input.CompanyIds);
        var attendeeIds = meeting ? Distinct(input.AttendeeIds) : [];
        var contactIds = Distinct(input.ContactIds).Union(attendeeIds).ToList();
        var dealIds = Distinct(input.DealIds);
        if (companyIds.Count + contactIds.Count + dealIds.Count == 0)
        {
            errors["links"] = ["Link the activity to at least one company, contact or deal."];
        }

        if (companyIds.Count > 0 && await db.Set<Company>().CountAsync(c => companyIds.Contains(c.Id)) != companyIds.Count)
        {
            errors["companyIds"] = ["One of the companies doesn't exist or you may not see it."];
        }

        if (contactIds.Count > 0 && await db.Set<Contact>().CountAsync(c => contactIds.Contains(c.Id)) != contactIds.Count)
        {
            errors[attendeeIds.Count > 0 ? "attendeeIds" : "contactIds"] = ["One of the contacts doesn't exist or you may not see it."];
        }

        if (dealIds.Count > 0 && await db.Set<Deal>().CountAsync(d => dealIds.Contains(d.Id)) != dealIds.Count)
        {
            errors["dealIds"] = ["One of the deals doesn't exist or you may not see it."];
        }

        if (input.OwnerId is { Length: > 0 } ownerId && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive))
        {
            errors["ownerId"] = ["Choose an active user as the owner."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        activity.Type = input.Type!;
        activity.Direction = direction;
        activity.Subject = subject;
        activity.Body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Trim();
        activity.OwnerId = string.IsNullOrWhiteSpace(input.OwnerId) ? activity.OwnerId : input.OwnerId;
        activity.StartsAt = meeting ? Utc(input.StartsAt!.Value) : null;
        activity.EndsAt = meeting ? Utc(input.EndsAt!.Value) : null;
        activity.Location = meeting && !string.IsNullOrWhiteSpace(input.Location) ? input.Location.Trim() : null;

        // A meeting sits on the timeline at its start; anything else when it happened, or now.
        activity.At = meeting ? activity.StartsAt!.Value : Utc(input.At ?? clock.GetUtcNow().UtcDateTime);

        activity.Companies.RemoveAll(l => !companyIds.Contains(l.CompanyId));
        activity.Companies.AddRange(companyIds.Where(id => activity.Companies.All(l => l.CompanyId != id)).Select(id => new ActivityCompany { ActivityId = activity.Id, CompanyId = id }));
        activity.Contacts.RemoveAll(l => !contactIds.Contains(l.ContactId));
        activity.Contacts.AddRange(contactIds.Where(id => activity.Contacts.All(l => l.ContactId != id)).Select(id => new ActivityContact { ActivityId = activity.Id, ContactId = id }));
        activity.Deals.RemoveAll(l => !dealIds.Contains(l.DealId));
        activity.Deals.AddRange(dealIds.Where(id => activity.Deals.All(l => l.DealId != id)).Select(id => new ActivityDeal { ActivityId = activity.Id, DealId = id }));
        activity.Attendees.RemoveAll(l => !attendeeIds.Contains(l.ContactId));
        activity.Attendees.AddRange(attendeeIds.Where(id => activity.Attendees.All(l => l.ContactId != id)).Select(id => new ActivityAttendee { ActivityId = activity.Id, ContactId = id }));
    }

    private static List<Guid> Distinct(IReadOnlyList<Guid>? ids) => (ids ?? []).Distinct().ToList();

    /// <summary>Times arrive in UTC; one without a kind is taken as UTC, never as server-local time.</summary>
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
