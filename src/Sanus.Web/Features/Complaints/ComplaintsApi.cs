using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Complaints;

/// <summary>Complaints are read by everyone internal (and a partner within its scope); the quality review that manages them comes with AE-2.</summary>
public static class ComplaintsApi
{
    public static void MapComplaintsApi(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaints");
        complaints.MapGet("/", List).WithSummary("Complaints, filtered (companyId, status), most recent awareness first, keyset paged.");
        complaints.MapGet("/{id:guid}", Get).WithSummary("One complaint with its device, awareness time, site, reporter and the inquiry it came from.");
    }

    private static async Task<Ok<ComplaintList.Page>> List(SanusDb db, Guid? companyId, string? status, int? limit, string? cursor) =>
        TypedResults.Ok(await ComplaintList.ListAsync(db, companyId, status, Paging.Limit(limit), cursor));

    private static async Task<Ok<ComplaintRules.ComplaintView>> Get(Guid id, SanusDb db, HttpResponse response)
    {
        var view = await ComplaintRules.ViewAsync(db, id);
        response.Headers.ETag = Versioning.ETag(view.Version);
        return TypedResults.Ok(view);
    }
}
