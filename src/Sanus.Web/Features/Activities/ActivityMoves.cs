using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Tasks;

namespace Sanus.Web.Features.Activities;

/// <summary>
/// What a merge of two contacts or companies (CT-3, CO-2) does to activities and tasks: the merged record's links
/// move to the survivor, and exactly those move back on undo. <see cref="Moved"/> is kept in the merge record.
/// </summary>
public static class ActivityMoves
{
    /// <param name="Links">Activities whose link moved to the survivor.</param>
    /// <param name="Shared">Activities already linked to the survivor: the merged record's link was dropped.</param>
    /// <param name="Attendees">Meetings whose attendee moved to the survivor.</param>
    /// <param name="AttendeesShared">Meetings the survivor already attended: the merged attendee was dropped.</param>
    /// <param name="Tasks">Tasks re-linked to the survivor.</param>
    public sealed record Moved(List<Guid> Links, List<Guid> Shared, List<Guid> Attendees, List<Guid> AttendeesShared, List<Guid> Tasks);

    public static async Task<Moved> MoveContactAsync(SanusDb db, Guid mergedId, Guid survivorId)
    {
        var moved = new Moved([], [], [], [], []);
        var survivorLinks = await db.Set<ActivityContact>().Where(l => l.ContactId == survivorId).Select(l => l.ActivityId).ToListAsync();
        foreach (var link in await db.Set<ActivityContact>().Where(l => l.ContactId == mergedId).ToListAsync())
        {
            db.Remove(link);
            if (survivorLinks.Contains(link.ActivityId))
            {
                moved.Shared.Add(link.ActivityId);
            }
            else
            {
                moved.Links.Add(link.ActivityId);
                db.Add(new ActivityContact { ActivityId = link.ActivityId, ContactId = survivorId });
            }
        }

        var survivorMeetings = await db.Set<ActivityAttendee>().Where(l => l.ContactId == survivorId).Select(l => l.ActivityId).ToListAsync();
        foreach (var attendee in await db.Set<ActivityAttendee>().Where(l => l.ContactId == mergedId).ToListAsync())
        {
            db.Remove(attendee);
            if (survivorMeetings.Contains(attendee.ActivityId))
            {
                moved.AttendeesShared.Add(attendee.ActivityId);
            }
            else
            {
                moved.Attendees.Add(attendee.ActivityId);
                db.Add(new ActivityAttendee { ActivityId = attendee.ActivityId, ContactId = survivorId });
            }
        }

        foreach (var task in await db.Set<TaskItem>().IgnoreQueryFilters().Where(t => t.ContactId == mergedId).ToListAsync())
        {
            task.ContactId = survivorId;
            moved.Tasks.Add(task.Id);
        }

        return moved;
    }

    public static async Task UndoContactAsync(SanusDb db, Moved? moved, Guid mergedId, Guid survivorId)
    {
        if (moved is null)
        {
            return;
        }

        db.RemoveRange(await db.Set<ActivityContact>().Where(l => l.ContactId == survivorId && moved.Links.Contains(l.ActivityId)).ToListAsync());
        db.AddRange(moved.Links.Concat(moved.Shared).Select(id => new ActivityContact { ActivityId = id, ContactId = mergedId }));
        db.RemoveRange(await db.Set<ActivityAttendee>().Where(l => l.ContactId == survivorId && moved.Attendees.Contains(l.ActivityId)).ToListAsync());
        db.AddRange(moved.Attendees.Concat(moved.AttendeesShared).Select(id => new ActivityAttendee { ActivityId = id, ContactId = mergedId }));
        foreach (var task in await db.Set<TaskItem>().IgnoreQueryFilters().Where(t => moved.Tasks.Contains(t.Id)).ToListAsync())
        {
            task.ContactId = mergedId;
        }
    }

    public static async Task<Moved> MoveCompanyAsync(SanusDb db, Guid mergedId, Guid survivorId)
    {
        var moved = new Moved([], [], [], [], []);
        var survivorLinks = await db.Set<ActivityCompany>().Where(l => l.CompanyId == survivorId).Select(l => l.ActivityId).ToListAsync();
        foreach (var link in await db.Set<ActivityCompany>().Where(l => l.CompanyId == mergedId).ToListAsync())
        {
            db.Remove(link);
            if (survivorLinks.Contains(link.ActivityId))
            {
                moved.Shared.Add(link.ActivityId);
            }
            else
            {
                moved.Links.Add(link.ActivityId);
                db.Add(new ActivityCompany { ActivityId = link.ActivityId, CompanyId = survivorId });
            }
        }

        foreach (var task in await db.Set<TaskItem>().IgnoreQueryFilters().Where(t => t.CompanyId == mergedId).ToListAsync())
        {
            task.CompanyId = survivorId;
            moved.Tasks.Add(task.Id);
        }

        return moved;
    }

    public static async Task UndoCompanyAsync(SanusDb db, Moved? moved, Guid mergedId, Guid survivorId)
    {
        if (moved is null)
        {
            return;
        }

        db.RemoveRange(await db.Set<ActivityCompany>().Where(l => l.CompanyId == survivorId && moved.Links.Contains(l.ActivityId)).ToListAsync());
        db.AddRange(moved.Links.Concat(moved.Shared).Select(id => new ActivityCompany { ActivityId = id, CompanyId = mergedId }));
        foreach (var task in await db.Set<TaskItem>().IgnoreQueryFilters().Where(t => moved.Tasks.Contains(t.Id)).ToListAsync())
        {
            task.CompanyId = mergedId;
        }
    }
}
