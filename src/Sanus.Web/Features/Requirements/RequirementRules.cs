using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Requirements;

/// <summary>Product requirements for design and development (INQ-2, GP-012): what one needs, reading them.</summary>
public static class RequirementRules
{
    public sealed record RequirementInput(string? Title, string? Description);

    public sealed record RequirementView(
        Guid Id, int Version, string Status, string Title, string Description, Guid CompanyId, string? CompanyName, Guid? SourceInquiryId, DateTime CreatedAt);

    public sealed record Item(Guid Id, string Status, string Title, Guid CompanyId, string? CompanyName, Guid? SourceInquiryId, DateTime CreatedAt);

    public sealed record Page(IReadOnlyList<Item> Items, string? NextCursor);

    /// <summary>Validates the requirement and returns it (not yet added), or null with the problems added to <paramref name="errors"/> under <paramref name="prefix"/>.</summary>
    public static ProductRequirement? Build(Guid companyId, RequirementInput? input, string prefix, Dictionary<string, string[]> errors)
    {
        var title = input?.Title?.Trim();
        var description = input?.Description?.Trim();
        var count = errors.Count;
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors[prefix + "title"] = ["Give the requirement a short title (at most 200 characters)."];
        }

        if (string.IsNullOrEmpty(description) || description.Length > 4000)
        {
            errors[prefix + "description"] = ["Describe what the customer needs and why (at most 4000 characters)."];
        }

        return errors.Count > count ? null : new ProductRequirement { CompanyId = companyId, Title = title!, Description = description! };
    }

    public static async Task<RequirementView> ViewAsync(SanusDb db, Guid id)
    {
        var r = await db.Set<ProductRequirement>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id) ?? throw ProblemException.NotFound("product requirement");
        var company = await db.Set<Company>().Where(c => c.Id == r.CompanyId).Select(c => c.Name).SingleOrDefaultAsync();
        return new RequirementView(r.Id, r.Version, r.Status, r.Title, r.Description, r.CompanyId, company, r.SourceInquiryId, r.CreatedAt);
    }

    /// <summary>Newest first, keyset paged; the partner scope applies (ACC-3).</summary>
    public static async Task<Page> ListAsync(SanusDb db, Guid? companyId, string? status, int limit, string? cursor)
    {
        var query = db.Set<ProductRequirement>().AsNoTracking().Where(r => r.ArchivedAt == null);
        if (companyId is { } company)
        {
            query = query.Where(r => r.CompanyId == company);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(r => r.Status == status);
        }

        if (Cursor.Decode(cursor) is { } after)
        {
            var at = new DateTime(long.Parse(after.SortValue, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            query = query.Where(r => r.CreatedAt < at || (r.CreatedAt == at && r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1)
            .Select(r => new Item(r.Id, r.Status, r.Title, r.CompanyId, db.Set<Company>().Where(c => c.Id == r.CompanyId).Select(c => c.Name).FirstOrDefault(), r.SourceInquiryId, r.CreatedAt))
            .ToListAsync();
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id) : null;
        return new Page(rows.Take(limit).ToList(), next);
    }
}
