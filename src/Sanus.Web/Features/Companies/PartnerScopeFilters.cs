using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Complaints;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Inquiries;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Features.Requirements;
using Sanus.Web.Features.Tasks;

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

        // Quotations, contracts and implementation plans are the partner's when their deal is.
        builder.Entity<Quotation>().HasQueryFilter(SanusDb.PartnerFilter, q =>
            db.PartnerScope == null || db.Set<Deal>().Any(d => d.Id == q.DealId));
        builder.Entity<QuotationLine>().HasQueryFilter(SanusDb.PartnerFilter, l =>
            db.PartnerScope == null || db.Set<Quotation>().Any(q => q.Id == l.QuotationId));
        builder.Entity<Contract>().HasQueryFilter(SanusDb.PartnerFilter, c =>
            db.PartnerScope == null || db.Set<Deal>().Any(d => d.Id == c.DealId));
        builder.Entity<CustomerSignature>().HasQueryFilter(SanusDb.PartnerFilter, s =>
            db.PartnerScope == null || db.Set<Contract>().Any(c => c.Id == s.ContractId));
        builder.Entity<ContractPayment>().HasQueryFilter(SanusDb.PartnerFilter, p =>
            db.PartnerScope == null || db.Set<Contract>().Any(c => c.Id == p.ContractId));
        builder.Entity<ChangeRequest>().HasQueryFilter(SanusDb.PartnerFilter, r =>
            db.PartnerScope == null || db.Set<Contract>().Any(c => c.Id == r.ContractId));
        builder.Entity<ImplementationPlan>().HasQueryFilter(SanusDb.PartnerFilter, p =>
            db.PartnerScope == null || db.Set<Deal>().Any(d => d.Id == p.DealId));

        // Inquiries, complaints and product requirements are the partner's when their customer company is (INQ, AE-1).
        builder.Entity<Inquiry>().HasQueryFilter(SanusDb.PartnerFilter, i =>
            db.PartnerScope == null || db.Set<Company>().Any(c => c.Id == i.CompanyId));
        builder.Entity<Complaint>().HasQueryFilter(SanusDb.PartnerFilter, c =>
            db.PartnerScope == null || db.Set<Company>().Any(company => company.Id == c.CompanyId));
        builder.Entity<ProductRequirement>().HasQueryFilter(SanusDb.PartnerFilter, r =>
            db.PartnerScope == null || db.Set<Company>().Any(c => c.Id == r.CompanyId));
        // IMP-2: a training session is the partner's when one of its companies is; of a shared webinar they see their own attendees only.
        builder.Entity<TrainingSession>().HasQueryFilter(SanusDb.PartnerFilter, s =>
            db.PartnerScope == null || s.Links.Any(l => db.Set<Company>().Any(c => c.Id == l.CompanyId)));
        builder.Entity<TrainingAttendee>().HasQueryFilter(SanusDb.PartnerFilter, a =>
            db.PartnerScope == null || db.Set<Contact>().Any(c => c.Id == a.ContactId));

        builder.Entity<Contact>().HasQueryFilter(SanusDb.PartnerFilter, contact =>
            db.PartnerScope == null
            || contact.Companies.Any(cc => cc.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == cc.CompanyId && r.ArchivedAt == null)));

        // An activity or task is the partner's when one of the records it is linked to is (ACT-1, ACT-2).
        builder.Entity<Activity>().HasQueryFilter(SanusDb.PartnerFilter, a =>
            db.PartnerScope == null
            || a.Companies.Any(l => l.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == l.CompanyId && r.ArchivedAt == null))
            || a.Contacts.Any(l => db.Set<ContactCompany>().Any(cc => cc.ContactId == l.ContactId && (cc.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == cc.CompanyId && r.ArchivedAt == null))))
            || a.Deals.Any(l => db.Set<Deal>().Any(d => d.Id == l.DealId && (d.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == d.CompanyId && r.ArchivedAt == null)))));

        // A task with no link is its owner's own to-do.
        builder.Entity<TaskItem>().HasQueryFilter(SanusDb.PartnerFilter, t =>
            db.PartnerScope == null
            || (t.OwnerId != null && t.OwnerId == db.CurrentUserId)
            || (t.CompanyId != null && (t.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == t.CompanyId && r.ArchivedAt == null)))
            || (t.ContactId != null && db.Set<ContactCompany>().Any(cc => cc.ContactId == t.ContactId && (cc.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == cc.CompanyId && r.ArchivedAt == null))))
            || (t.DealId != null && db.Set<Deal>().Any(d => d.Id == t.DealId && (d.CompanyId == db.PartnerScope
                || db.Set<CompanyRelationship>().Any(r => r.FromCompanyId == db.PartnerScope && r.Type == RelationshipTypes.DistributorOf && r.ToCompanyId == d.CompanyId && r.ArchivedAt == null)))));
    }
}
