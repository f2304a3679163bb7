using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Lookups;
using static Sanus.Web.Platform.Auth.Capabilities;

namespace Sanus.Web.DemoData;

/// <summary>
/// The default job-role catalogue of ACC-1 and the capability grants of ACC-2, written once into an empty
/// database. From then on they are data, edited on the Roles admin page.
/// </summary>
public static class RoleCatalogue
{
    public const string Administrator = "Administrator";
    public const string ChannelPartner = "Channel Partner";

    public sealed record DefaultRole(string Code, string Name, string Description, bool External, string[] Grants);

    private static readonly string[] Sales = [CompaniesEdit, ContactsEdit, DealsEdit, ActivitiesLog];

    public static readonly IReadOnlyList<DefaultRole> Defaults =
    [
        new("", Administrator, "Runs the system: users, roles, grants and the audit trail.", false, [.. All.Keys]),
        new("JD-001", "General Manager", "Signs contracts on behalf of the company.", false, [ContractsSign, AuditRead, DataExport, .. Sales]),
        new("JD-002", "Sales Manager", "Sets pricing, approves quotations and leads the sales team.", false, [QuotesApprove, PricingManage, DataImport, DataExport, RecordsMerge, AuditRead, .. Sales]),
        new("JD-003", "Design and Development Manager", "Confirms whether a change request is feasible.", false, [ChangesConfirmFeasibility]),
        new("JD-004", "Quality Manager & PRRC", "Owns non-conformities, complaints and adverse events.", false, [NonconformitiesClose, ComplaintsManage, AuditRead, AuditExport]),
        new("JD-005", "Technical Manager & PRRC", "Person responsible for regulatory compliance on technical matters.", false, [ComplaintsManage]),
        new("JD-007", "Technology Manager", "Owns the technology platform.", false, []),
        new("JD-008", "Sales Development Representative", "Finds and qualifies new companies and contacts.", false, [CompaniesEdit, ContactsEdit, ActivitiesLog]),
        new("JD-011", "Communications Manager", "Runs events and communications.", false, [ContactsEdit, ActivitiesLog]),
        new("JD-012", "Executive Assistant", "Keeps records up to date for the management team.", false, [CompaniesEdit, ContactsEdit, ActivitiesLog]),
        new("JD-013", "Project Manager", "Answers escalated technical questions and leads implementations.", false, [InquiriesAnswerEscalated]),
        new("JD-016", "Customer Success Manager", "Triages post-sales inquiries.", false, [InquiriesTriage, CompaniesEdit, ContactsEdit, ActivitiesLog]),
        new("JD-019", "Business Development", "Owns deals in the deal classes they cover.", false, [DataExport, .. Sales]),
        new("JD-021", "Account Manager", "Looks after existing customer accounts.", false, [.. Sales]),
        new("", "Field Service Engineer", "Installs, services and supports devices on site.", false, []),
        new("", ChannelPartner, "A distributor's user: sees only that distributor's records.", true, [.. Sales]),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> CompanyKinds =
    [
        ("end-customer", "End customer"), ("distributor", "Distributor"), ("partner", "Partner"),
        ("supplier", "Supplier"), ("insurer", "Insurer"), ("pharma", "Pharma"),
    ];

    public static async Task EnsureAsync(SanusDb db, RoleManager<SanusRole> roles)
    {
        if (!await db.Set<Lookup>().AnyAsync())
        {
            db.AddRange(CompanyKinds.Select((k, i) => new Lookup { List = LookupLists.CompanyKind, Value = k.Value, Label = k.Label, SortOrder = i }));
            db.AddRange(RelationshipTypes.Defaults.Select((t, i) => new Lookup { List = LookupLists.RelationshipType, Value = t.Value, Label = t.Label, SortOrder = i }));
            db.AddRange(DealLookups.DealClasses.Select((c, i) => new Lookup { List = DealLookups.DealClassList, Value = c.Value, Label = c.Label, SortOrder = i }));
            db.AddRange(DealLookups.LostReasons.Select((r, i) => new Lookup { List = DealLookups.LostReasonList, Value = r.Value, Label = r.Label, SortOrder = i }));
            db.AddRange(DealStages.DefaultProbabilities.Select(p => new StageProbability { Stage = p.Key, Percent = p.Value }));
            await db.SaveChangesAsync();
        }

        if (await db.Roles.AnyAsync())
        {
            return;
        }

        foreach (var role in Defaults)
        {
            var created = new SanusRole { Name = role.Name, Code = role.Code, Description = role.Description, IsExternal = role.External };
            created.Capabilities.AddRange(role.Grants.Distinct().Select(c => new RoleCapability { Capability = c }));
            var result = await roles.CreateAsync(created);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create role {role.Name}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
