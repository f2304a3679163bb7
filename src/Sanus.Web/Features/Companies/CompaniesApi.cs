using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Companies.CompanyRules;

namespace Sanus.Web.Features.Companies;

public static class CompaniesApi
{
    public static void MapCompaniesApi(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").WithTags("Companies");
        companies.MapGet("/", List).WithSummary("Companies, filtered and sorted on the server, keyset paged.");
        companies.MapGet("/{id:guid}", Get).WithSummary("One company; its version is the ETag.");
        companies.MapPost("/", Create).RequireCapability(Capabilities.CompaniesEdit)
            .WithSummary("Create a company (name, country, website required). A likely duplicate answers 409 with candidates unless confirm=true.");
        companies.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.CompaniesEdit)
            .WithSummary("Replace a company's fields. Send If-Match with the ETag you read; a stale version answers 412 with the current values.");
        companies.MapDelete("/{id:guid}", Archive).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Archive a company (nothing is deleted).");
        companies.MapPost("/{id:guid}/restore", Restore).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Restore an archived company.");

        companies.MapGet("/{id:guid}/sites", ListSites).WithSummary("The company's sites (CO-2).");
        companies.MapPost("/{id:guid}/sites", AddSite).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Add a site to the company.");
        companies.MapPut("/{id:guid}/sites/{siteId:guid}", UpdateSite).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Change a site; If-Match honoured.");
        companies.MapDelete("/{id:guid}/sites/{siteId:guid}", ArchiveSite).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Archive a site.");

        companies.MapGet("/{id:guid}/relationships", Relationships).WithSummary("The company's relationship graph: nodes and labelled edges (CO-3).");
        companies.MapPost("/{id:guid}/relationships", AddRelationship).RequireCapability(Capabilities.CompaniesEdit)
            .WithSummary("Link this company to another: {toCompanyId, type} reads \"this company {type} the other\".");
        companies.MapDelete("/{id:guid}/relationships/{relationshipId:guid}", RemoveRelationship).RequireCapability(Capabilities.CompaniesEdit).WithSummary("Remove a relationship (archived).");
    }

    private static async Task<Ok<List<SiteRules.SiteView>>> ListSites(Guid id, bool? includeArchived, SanusDb db) =>
        TypedResults.Ok(await SiteRules.ListAsync(db, id, includeArchived ?? false));

    private static async Task<Created<SiteRules.SiteView>> AddSite(Guid id, SiteRules.SiteInput input, SanusDb db)
    {
        var site = await SiteRules.AddAsync(db, id, input);
        return TypedResults.Created($"/api/v1/companies/{id}/sites/{site.Id}", SiteRules.SiteView.Of(site));
    }

    private static async Task<Ok<SiteRules.SiteView>> UpdateSite(Guid id, Guid siteId, SiteRules.SiteInput input, SanusDb db, HttpRequest request, HttpResponse response)
    {
        var site = await SiteRules.UpdateAsync(db, id, siteId, input, Versioning.IfMatch(request));
        response.Headers.ETag = Versioning.ETag(site.Version);
        return TypedResults.Ok(SiteRules.SiteView.Of(site));
    }

    private static async Task<Ok<SiteRules.SiteView>> ArchiveSite(Guid id, Guid siteId, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(SiteRules.SiteView.Of(await SiteRules.SetArchivedAsync(db, clock, id, siteId, archived: true)));

    private static async Task<Ok<RelationshipRules.Graph>> Relationships(Guid id, SanusDb db) =>
        TypedResults.Ok(await RelationshipRules.GraphAsync(db, id));

    private static async Task<Created<RelationshipRules.Graph>> AddRelationship(Guid id, RelationshipRules.RelationshipInput input, SanusDb db)
    {
        var link = await RelationshipRules.AddAsync(db, id, input);
        return TypedResults.Created($"/api/v1/companies/{id}/relationships/{link.Id}", await RelationshipRules.GraphAsync(db, id));
    }

    private static async Task<NoContent> RemoveRelationship(Guid id, Guid relationshipId, SanusDb db, TimeProvider clock)
    {
        await RelationshipRules.RemoveAsync(db, clock, id, relationshipId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CompanyList.Page>> List(
        SanusDb db, string? q, string? country, string? kind, string? leadStatus, string? ownerId, bool? includeArchived, string? sort, int? limit, string? cursor) =>
        TypedResults.Ok(await CompanyList.FindAsync(db, new CompanyList.Filter(q, country, kind, leadStatus, ownerId, includeArchived ?? false, sort), Paging.Limit(limit), cursor));

    private static async Task<Ok<CompanyView>> Get(Guid id, SanusDb db, HttpResponse response)
    {
        var company = await GetAsync(db, id);
        response.Headers.ETag = Versioning.ETag(company.Version);
        return TypedResults.Ok(CompanyView.Of(company));
    }

    private static async Task<Created<CompanyView>> Create(CompanyInput input, bool? confirm, SanusDb db, HttpResponse response)
    {
        var company = await CreateAsync(db, input, confirm ?? false);
        response.Headers.ETag = Versioning.ETag(company.Version);
        return TypedResults.Created($"/api/v1/companies/{company.Id}", CompanyView.Of(company));
    }

    private static async Task<Ok<CompanyView>> Update(Guid id, CompanyInput input, SanusDb db, HttpRequest request, HttpResponse response)
    {
        var company = await UpdateAsync(db, id, input, Versioning.IfMatch(request));
        response.Headers.ETag = Versioning.ETag(company.Version);
        return TypedResults.Ok(CompanyView.Of(company));
    }

    private static async Task<Ok<CompanyView>> Archive(Guid id, SanusDb db, TimeProvider clock, HttpRequest request) =>
        TypedResults.Ok(CompanyView.Of(await SetArchivedAsync(db, clock, id, archived: true, Versioning.IfMatch(request))));

    private static async Task<Ok<CompanyView>> Restore(Guid id, SanusDb db, TimeProvider clock, HttpRequest request) =>
        TypedResults.Ok(CompanyView.Of(await SetArchivedAsync(db, clock, id, archived: false, Versioning.IfMatch(request))));
}
