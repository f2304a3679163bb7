using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Merges;

/// <summary>
/// Merges two companies that are one global entity (CO-2): the survivor keeps the chosen values and takes
/// the other's sites, relationships and contacts; the other is archived. Later features that link records
/// to companies (deals, activities) move their links here too.
/// </summary>
public static class CompanyMerge
{
    public static readonly IReadOnlyList<string> Fields = ["Name", "LegalName", "Country", "Website", "WebsiteDomain", "Kind", "LeadStatus", "OwnerId", "Region", "Tier", "AcquisitionChannel", "DealClassTags", "Notes"];

    private static readonly IReadOnlyList<string> Stored = [.. Fields, "NormalizedName", "SearchText", "ArchivedAt"];

    /// <param name="Activities">Activity links and tasks moved; null in merges made before activities existed.</param>
    private sealed record Moved(List<Guid> Sites, List<Guid> RelationshipsFrom, List<Guid> RelationshipsTo, List<Guid> RelationshipsArchived, List<Guid> ContactsMoved, List<Guid> ContactsShared, ActivityMoves.Moved? Activities = null);

    public static async Task<MergeRecord> MergeAsync(SanusDb db, TimeProvider clock, Guid survivorId, Guid otherId, IReadOnlyDictionary<string, string>? take)
    {
        Merging.Guard(survivorId, otherId);
        var survivor = await CompanyRules.GetAsync(db, survivorId);
        var other = await CompanyRules.GetAsync(db, otherId);
        if (survivor.IsArchived || other.IsArchived)
        {
            throw ProblemException.Refused("Archived companies can't be merged", ["Restore the archived company first."]);
        }

        if (take?.Keys.Any(k => string.Equals(k, "Website", StringComparison.OrdinalIgnoreCase)) == true)
        {
            take = new Dictionary<string, string>(take, StringComparer.OrdinalIgnoreCase) { ["WebsiteDomain"] = take.First(k => string.Equals(k.Key, "Website", StringComparison.OrdinalIgnoreCase)).Value };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Set<Site>().Where(s => s.CompanyId == other.Id).ToListAsync();
        var links = await db.Set<CompanyRelationship>().Where(r => r.ArchivedAt == null && (r.FromCompanyId == other.Id || r.ToCompanyId == other.Id)).ToListAsync();
        var survivorLinks = await db.Set<CompanyRelationship>().Where(r => r.ArchivedAt == null && (r.FromCompanyId == survivor.Id || r.ToCompanyId == survivor.Id)).ToListAsync();
        var contactLinks = await db.Set<ContactCompany>().Where(cc => cc.CompanyId == other.Id).ToListAsync();
        var survivorContacts = await db.Set<ContactCompany>().Where(cc => cc.CompanyId == survivor.Id).Select(cc => cc.ContactId).ToListAsync();
        var moved = new Moved([.. sites.Select(s => s.Id)], [], [], [], [], []);
        var merge = Merging.NewRecord(db, "Company", survivor, other, Stored, now);

        Merging.TakeChosenValues(db, survivor, other, Fields, take);
        survivor.RefreshDerived();
        foreach (var site in sites)
        {
            site.CompanyId = survivor.Id;
        }

        foreach (var link in links)
        {
            var from = link.FromCompanyId == other.Id ? survivor.Id : link.FromCompanyId;
            var to = link.ToCompanyId == other.Id ? survivor.Id : link.ToCompanyId;
            if (from == to || survivorLinks.Any(s => s.FromCompanyId == from && s.ToCompanyId == to && s.Type == link.Type))
            {
                link.ArchivedAt = now;
                moved.RelationshipsArchived.Add(link.Id);
            }
            else
            {
                (link.FromCompanyId == other.Id ? moved.RelationshipsFrom : moved.RelationshipsTo).Add(link.Id);
                link.FromCompanyId = from;
                link.ToCompanyId = to;
            }
        }

        foreach (var contactLink in contactLinks)
        {
            db.Remove(contactLink);
            if (survivorContacts.Contains(contactLink.ContactId))
            {
                moved.ContactsShared.Add(contactLink.ContactId);
            }
            else
            {
                moved.ContactsMoved.Add(contactLink.ContactId);
                db.Add(new ContactCompany { ContactId = contactLink.ContactId, CompanyId = survivor.Id });
            }
        }

        moved = moved with { Activities = await ActivityMoves.MoveCompanyAsync(db, other.Id, survivor.Id) };
        other.ArchivedAt = now;
        merge.Moved = JsonSerializer.Serialize(moved);
        db.Add(merge);
        db.AuditReason = $"Merge of company {other.Name} ({other.Id}) into {survivor.Name} ({survivor.Id})";
        await db.SaveChangesAsync();
        return merge;
    }

    public static async Task UndoAsync(SanusDb db, TimeProvider clock, MergeRecord merge)
    {
        var survivor = await db.Set<Company>().IgnoreQueryFilters().SingleAsync(c => c.Id == merge.SurvivorId);
        var other = await db.Set<Company>().IgnoreQueryFilters().SingleAsync(c => c.Id == merge.MergedId);
        var moved = JsonSerializer.Deserialize<Moved>(merge.Moved)!;
        Merging.Restore(db, survivor, merge.SurvivorBefore);
        Merging.Restore(db, other, merge.MergedBefore);
        foreach (var site in await db.Set<Site>().IgnoreQueryFilters().Where(s => moved.Sites.Contains(s.Id)).ToListAsync())
        {
            site.CompanyId = other.Id;
        }

        var linkIds = moved.RelationshipsFrom.Concat(moved.RelationshipsTo).Concat(moved.RelationshipsArchived).ToList();
        foreach (var link in await db.Set<CompanyRelationship>().IgnoreQueryFilters().Where(r => linkIds.Contains(r.Id)).ToListAsync())
        {
            if (moved.RelationshipsArchived.Contains(link.Id))
            {
                link.ArchivedAt = null;
            }
            else if (moved.RelationshipsFrom.Contains(link.Id))
            {
                link.FromCompanyId = other.Id;
            }
            else
            {
                link.ToCompanyId = other.Id;
            }
        }

        var movedContactLinks = await db.Set<ContactCompany>().Where(cc => cc.CompanyId == survivor.Id && moved.ContactsMoved.Contains(cc.ContactId)).ToListAsync();
        db.RemoveRange(movedContactLinks);
        db.AddRange(moved.ContactsMoved.Concat(moved.ContactsShared).Select(id => new ContactCompany { ContactId = id, CompanyId = other.Id }));
        await ActivityMoves.UndoCompanyAsync(db, moved.Activities, other.Id, survivor.Id);
        merge.UndoneAt = clock.GetUtcNow().UtcDateTime;
        db.AuditReason = $"Undo of merge {merge.Id}: {other.Name} ({other.Id}) separated from {survivor.Name} ({survivor.Id})";
        await db.SaveChangesAsync();
    }
}
