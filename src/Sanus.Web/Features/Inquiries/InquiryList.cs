using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Inquiries;

/// <summary>Inquiry lists: all, of a deal or company, of a kind or status, those waiting for me; newest first, keyset paged.</summary>
public static class InquiryList
{
    public sealed record Filter(string? Kind = null, string? Status = null, Guid? DealId = null, Guid? CompanyId = null, bool AssignedToMe = false, bool OpenOnly = false);

    public sealed record Item(
        Guid Id, string Kind, string Status, string Question, Guid CompanyId, string? CompanyName, Guid? DealId, string? DealName,
        string? ContactName, DateTime ReceivedAt, string? AssigneeId, string? AssigneeName, DateTime? AnsweredAt);

    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public static async Task<Page> ListAsync(SanusDb db, Filter filter, int limit, string? cursor)
    {
        var query = db.Set<Inquiry>().AsNoTracking().Where(i => i.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(i => i.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            query = query.Where(i => i.Status == filter.Status);
        }

        if (filter.DealId is { } deal)
        {
            query = query.Where(i => i.DealId == deal);
        }

        if (filter.CompanyId is { } company)
        {
            query = query.Where(i => i.CompanyId == company);
        }

        if (filter.AssignedToMe)
        {
            // Inquiries awaiting triage belong to no one yet: they wait for every Customer Success Manager.
            var me = db.CurrentUserId;
            var triages = me is not null && (await CapabilityHandler.GrantedAsync(db, me)).Contains(Capabilities.InquiriesTriage);
            query = query.Where(i => i.AssigneeId == me || (triages && i.Status == InquiryStatus.AwaitingTriage));
        }

        if (filter.OpenOnly)
        {
            query = query.Where(i => i.Status != InquiryStatus.Answered && i.Status != InquiryStatus.ComplaintRaised && i.Status != InquiryStatus.RequirementRaised);
        }

        if (Cursor.Decode(cursor) is { } after)
        {
            var at = new DateTime(long.Parse(after.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            query = query.Where(i => i.ReceivedAt < at || (i.ReceivedAt == at && i.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Take(limit + 1)
            .Select(i => new Item(
                i.Id, i.Kind, i.Status, i.Question, i.CompanyId,
                db.Set<Company>().Where(c => c.Id == i.CompanyId).Select(c => c.Name).FirstOrDefault(),
                i.DealId,
                db.Set<Deal>().Where(d => d.Id == i.DealId).Select(d => d.Name).FirstOrDefault(),
                db.Set<Contact>().Where(c => c.Id == i.ContactId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                i.ReceivedAt, i.AssigneeId,
                db.Users.Where(u => u.Id == i.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                i.AnsweredAt))
            .ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].ReceivedAt.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).Select(r => r with { Question = AnswerMail.Excerpt(r.Question, 200) }).ToList(), next);
    }
}
