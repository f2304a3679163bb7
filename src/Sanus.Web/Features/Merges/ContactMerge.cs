using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Merges;

/// <summary>
/// Merges two contacts that are the same person (CT-3): the survivor keeps the chosen value per field and
/// every association of the other; the other is archived. Later features that link records to contacts
/// (activities, deals) move their links here too.
/// </summary>
public static class ContactMerge
{
    public static readonly IReadOnlyList<string> Fields = ["FirstName", "LastName", "Email", "JobTitle", "Phone", "LinkedInUrl", "OwnerId", "Notes", "IsKol", "LifecycleStage"];

    private static readonly IReadOnlyList<string> Stored = [.. Fields, "NormalizedEmail", "SortName", "SearchText", "ArchivedAt"];

    /// <param name="Activities">Activity links, meeting attendance and tasks moved; null in merges made before activities existed.</param>
    private sealed record Moved(List<Guid> CompaniesAddedToSurvivor, List<Guid> CompaniesOfMerged, ActivityMoves.Moved? Activities = null);

    public static async Task<MergeRecord> MergeAsync(SanusDb db, TimeProvider clock, Guid survivorId, Guid otherId, IReadOnlyDictionary<string, string>? take)
    {
        Merging.Guard(survivorId, otherId);
        var survivor = await ContactRules.GetAsync(db, survivorId);
        var other = await ContactRules.GetAsync(db, otherId);
        if (survivor.IsArchived || other.IsArchived)
        {
            throw ProblemException.Refused("Archived contacts can't be merged", ["Restore the archived contact first."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var moved = new Moved(
            other.Companies.Select(c => c.CompanyId).Where(id => survivor.Companies.All(s => s.CompanyId != id)).ToList(),
            other.Companies.Select(c => c.CompanyId).ToList());
        var merge = Merging.NewRecord(db, "Contact", survivor, other, Stored, now);
        var reason = $"Merge of contact {other.FullName} ({other.Id}) into {survivor.FullName} ({survivor.Id})";

        await using var transaction = await db.Database.BeginTransactionAsync();

        // The merged contact gives up its email first, so the survivor may take it under the unique index.
        other.NormalizedEmail = $"merged-{other.Id:N}@merged.invalid";
        other.Companies.Clear();
        other.ArchivedAt = now;
        db.AuditReason = reason;
        await db.SaveChangesAsync();

        Merging.TakeChosenValues(db, survivor, other, Fields, take);
        survivor.RefreshDerived();
        survivor.Companies.AddRange(moved.CompaniesAddedToSurvivor.Select(id => new ContactCompany { ContactId = survivor.Id, CompanyId = id }));
        moved = moved with { Activities = await ActivityMoves.MoveContactAsync(db, other.Id, survivor.Id) };
        merge.Moved = JsonSerializer.Serialize(moved);
        db.Add(merge);
        db.AuditReason = reason;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return merge;
    }

    public static async Task UndoAsync(SanusDb db, TimeProvider clock, MergeRecord merge)
    {
        var survivor = await db.Set<Contact>().IgnoreQueryFilters().Include(c => c.Companies).SingleAsync(c => c.Id == merge.SurvivorId);
        var other = await db.Set<Contact>().IgnoreQueryFilters().Include(c => c.Companies).SingleAsync(c => c.Id == merge.MergedId);
        var moved = JsonSerializer.Deserialize<Moved>(merge.Moved)!;
        var reason = $"Undo of merge {merge.Id}: {other.FullName} ({other.Id}) separated from {survivor.FullName} ({survivor.Id})";

        await using var transaction = await db.Database.BeginTransactionAsync();
        Merging.Restore(db, survivor, merge.SurvivorBefore);
        survivor.Companies.RemoveAll(c => moved.CompaniesAddedToSurvivor.Contains(c.CompanyId));
        db.AuditReason = reason;
        await db.SaveChangesAsync();

        Merging.Restore(db, other, merge.MergedBefore);
        other.Companies.AddRange(moved.CompaniesOfMerged.Select(id => new ContactCompany { ContactId = other.Id, CompanyId = id }));
        await ActivityMoves.UndoContactAsync(db, moved.Activities, other.Id, survivor.Id);
        merge.UndoneAt = clock.GetUtcNow().UtcDateTime;
        db.AuditReason = reason;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
