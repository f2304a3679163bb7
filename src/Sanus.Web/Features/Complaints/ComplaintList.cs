using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Complaints;

/// <summary>Complaints, most recent awareness first, keyset paged; the partner scope applies (ACC-3).</summary>
public static class ComplaintList
{
    public sealed record Item(Guid Id, string Status, Guid CompanyId, string? CompanyName, string Device, DateTime AwareAt, string PatientHarmed, Guid? InquiryId);

    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    public static async Task<Page> ListAsync(SanusDb db, Guid? companyId, string? status, int limit, string? cursor)
    {
        var query = db.Set<Complaint>().AsNoTracking().Where(c => c.ArchivedAt == null);
        if (companyId is { } company)
        {
            query = query.Where(c => c.CompanyId == company);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(c => c.Status == status);
        }

        if (Cursor.Decode(cursor) is { } after)
        {
            var at = new DateTime(long.Parse(after.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            query = query.Where(c => c.AwareAt < at || (c.AwareAt == at && c.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(c => c.AwareAt).ThenByDescending(c => c.Id).Take(limit + 1)
            .Select(c => new Item(c.Id, c.Status, c.CompanyId, db.Set<Company>().Where(x => x.Id == c.CompanyId).Select(x => x.Name).FirstOrDefault(),
                c.Device, c.AwareAt, c.PatientHarmed, c.InquiryId))
            .ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].AwareAt.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).ToList(), next);
    }
}
