using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Features.Companies;

/// <summary>
/// ACC-3: a channel partner's user sees only its own distributor company, the companies it is
/// "distributor of", and what hangs off those. These filters run inside every query of these
/// entities, so lists, pages, search, exports and the API all obey them; an out-of-scope id is not found.
/// </summary>
public static class PartnerScopeFilters
{
    public static void Apply(ModelBuilder builder, SanusDb db)
    {
        builder.Entity<Company>().HasQueryFilter(SanusDb.PartnerFilter, c =>
            db.PartnerScope == null
            || c.Id == db.PartnerScope
            || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == c.Id && r.ArchivedAt == null));

        builder.Entity<Site>().HasQueryFilter(SanusDb.PartnerFilter, s =>
            db.PartnerScope == null
            || s.CompanyId == db.PartnerScope
            || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == s.CompanyId && r.ArchivedAt == null));

        builder.Entity<CompanyRelationship>().HasQueryFilter(SanusDb.PartnerFilter, link =>
            db.PartnerScope == null || link.FromCompanyId == db.PartnerScope);

        builder.Entity<Deal>().HasQueryFilter(SanusDb.PartnerFilter, d =>
            db.PartnerScope == null
            || d.CompanyId == db.PartnerScope
            || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == d.CompanyId && r.ArchivedAt == null));

        builder.Entity<Contact>().HasQueryFilter(SanusDb.PartnerFilter, contact =>
            db.PartnerScope == null
            || contact.Companies.Any(cc => cc.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == cc.CompanyId && r.ArchivedAt == null)));
    }
}
