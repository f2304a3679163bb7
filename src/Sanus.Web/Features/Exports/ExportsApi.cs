using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.Features.Exports;

/// <summary>
/// IO-2: the company and contact lists as CSV or XLSX, with the list's filters. GET, so a signed-in browser can follow a link to
/// them (ADR 0004); a token works as for the rest of the API.
/// </summary>
public static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/export", Companies).WithTags("Companies").RequireCapability(Capabilities.DataExport)
            .WithSummary("Every company you may see that matches the list's filters (q, country, kind, leadStatus, ownerId, includeArchived), as format=csv (default) or xlsx. Audited.");
        api.MapGet("/contacts/export", Contacts).WithTags("Contacts").RequireCapability(Capabilities.DataExport)
            .WithSummary("Every contact you may see that matches the list's filters (q, companyId, lifecycleStage, ownerId, isKol, includeArchived), as format=csv (default) or xlsx. Audited.");
    }

    private static async Task<IResult> Companies(
        SanusDb db, TimeProvider clock, string? format, string? q, string? country, string? kind, string? leadStatus, string? ownerId, bool? includeArchived)
    {
        var type = Exporting.Format(format);
        var filter = new CompanyList.Filter(q, country, kind, leadStatus, ownerId, includeArchived ?? false);
        var owners = await Owners(db);
        var rows = CompanyList.Query(db, filter).OrderBy(c => c.NormalizedName).ThenBy(c => c.Id).AsAsyncEnumerable().Select(c => new[]
        {
            c.Id.ToString(), c.Name, c.LegalName, c.Country, c.Website, c.Kind, c.LeadStatus, Owner(owners, c.OwnerId), c.Region, c.Tier,
            c.AcquisitionChannel, c.DealClassTags, c.Notes, Exporting.Time(c.CreatedAt), Exporting.Time(c.ArchivedAt),
        });
        string[] headers = ["Id", "Name", "Legal name", "Country", "Website", "Kind", "Lead status", "Owner", "Region", "Tier", "Acquisition channel", "Deal classes", "Notes", "Created (UTC)", "Archived (UTC)"];
        var described = Exporting.Describe(("q", q), ("country", country), ("kind", kind), ("leadStatus", leadStatus), ("ownerId", ownerId), ("includeArchived", includeArchived));
        return Exporting.Download(db, new Exporting.Table("Company", "companies", headers, rows, described), type, clock);
    }

    private static async Task<IResult> Contacts(
        SanusDb db, TimeProvider clock, string? format, string? q, Guid? companyId, string? lifecycleStage, string? ownerId, bool? isKol, bool? includeArchived)
    {
        var type = Exporting.Format(format);
        var filter = new ContactList.Filter(q, companyId, lifecycleStage, ownerId, isKol, includeArchived ?? false);
        var owners = await Owners(db);

        // Names of the companies the caller may see: a contact's other companies, outside a partner's scope, are not named.
        var companies = await db.Set<Company>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name);
        var rows = ContactList.Query(db, filter).OrderBy(c => c.SortName).ThenBy(c => c.Id)
            .Select(c => new { Contact = c, CompanyIds = c.Companies.Select(cc => cc.CompanyId).ToList() })
            .AsAsyncEnumerable().Select(r => new[]
            {
                r.Contact.Id.ToString(), r.Contact.FirstName, r.Contact.LastName, r.Contact.Email, r.Contact.JobTitle, r.Contact.Phone, r.Contact.LinkedInUrl,
                string.Join("; ", r.CompanyIds.Where(companies.ContainsKey).Select(id => companies[id])), r.Contact.LifecycleStage, r.Contact.IsKol ? "yes" : "no",
                Owner(owners, r.Contact.OwnerId), r.Contact.Notes, Exporting.Time(r.Contact.CreatedAt), Exporting.Time(r.Contact.ArchivedAt),
            });
        string[] headers = ["Id", "First name", "Last name", "Email", "Job title", "Phone", "LinkedIn", "Company", "Lifecycle stage", "KOL", "Owner", "Notes", "Created (UTC)", "Archived (UTC)"];
        var described = Exporting.Describe(("q", q), ("companyId", companyId), ("lifecycleStage", lifecycleStage), ("ownerId", ownerId), ("isKol", isKol), ("includeArchived", includeArchived));
        return Exporting.Download(db, new Exporting.Table("Contact", "contacts", headers, rows, described), type, clock);
    }

    private static async Task<Dictionary<string, string>> Owners(SanusDb db) =>
        await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id);

    private static string? Owner(Dictionary<string, string> owners, string? id) => id is null ? null : owners.GetValueOrDefault(id, id);
}
