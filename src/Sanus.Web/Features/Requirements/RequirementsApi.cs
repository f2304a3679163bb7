using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Requirements;

public static class RequirementsApi
{
    public static void MapRequirementsApi(this RouteGroupBuilder api)
    {
        var requirements = api.MapGroup("/product-requirements").WithTags("Product requirements");
        requirements.MapGet("/", List).WithSummary("Product requirements for design and development, filtered (companyId, status), newest first, keyset paged.");
        requirements.MapGet("/{id:guid}", Get).WithSummary("One product requirement with the inquiry and company it came from.");
    }

    private static async Task<Ok<RequirementRules.Page>> List(SanusDb db, Guid? companyId, string? status, int? limit, string? cursor) =>
        TypedResults.Ok(await RequirementRules.ListAsync(db, companyId, status, Paging.Limit(limit), cursor));

    private static async Task<Ok<RequirementRules.RequirementView>> Get(Guid id, SanusDb db, HttpResponse response)
    {
        var view = await RequirementRules.ViewAsync(db, id);
        response.Headers.ETag = Versioning.ETag(view.Version);
        return TypedResults.Ok(view);
    }
}
