using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.Features.Merges;

public static class MergesApi
{
    public sealed record MergeRequest(Guid OtherId, Dictionary<string, string>? Take);

    public sealed record MergeView(Guid Id, string Kind, Guid SurvivorId, Guid MergedId, DateTime At, string? ByUserId, DateTime? UndoneAt)
    {
        public static MergeView Of(MergeRecord m) => new(m.Id, m.Kind, m.SurvivorId, m.MergedId, m.At, m.ByUserId, m.UndoneAt);
    }

    public static void MapMergesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/{id:guid}/merge", MergeContacts).WithTags("Contacts").RequireCapability(Capabilities.RecordsMerge)
            .WithSummary("Merge otherId into this contact: take names fields whose value comes from the other (\"other\"); the rest keep this contact's value.");
        api.MapPost("/companies/{id:guid}/merge", MergeCompanies).WithTags("Companies").RequireCapability(Capabilities.RecordsMerge)
            .WithSummary("Merge otherId into this company: sites, relationships and contacts move here; the other is archived.");
        var merges = api.MapGroup("/merges").WithTags("Merges");
        merges.MapGet("/", List).RequireCapability(Capabilities.RecordsMerge).WithSummary("Merges that involved a record, newest first.");
        merges.MapPost("/{id:guid}/undo", Undo).RequireCapability(Capabilities.UsersManage).WithSummary("Undo a merge (administrators): both records and their associations are as before.");
    }

    private static async Task<Ok<MergeView>> MergeContacts(Guid id, MergeRequest request, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(MergeView.Of(await ContactMerge.MergeAsync(db, clock, id, request.OtherId, request.Take)));

    private static async Task<Ok<MergeView>> MergeCompanies(Guid id, MergeRequest request, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(MergeView.Of(await CompanyMerge.MergeAsync(db, clock, id, request.OtherId, request.Take)));

    private static async Task<Ok<List<MergeView>>> List(Guid? recordId, SanusDb db) =>
        TypedResults.Ok((await db.Set<MergeRecord>().AsNoTracking()
            .Where(m => recordId == null || m.SurvivorId == recordId || m.MergedId == recordId)
            .OrderByDescending(m => m.At).Take(100).ToListAsync()).Select(MergeView.Of).ToList());

    private static async Task<Ok<MergeView>> Undo(Guid id, SanusDb db, TimeProvider clock)
    {
        var merge = await Merging.FindUndoableAsync(db, id);
        if (merge.Kind == "Contact")
        {
            await ContactMerge.UndoAsync(db, clock, merge);
        }
        else
        {
            await CompanyMerge.UndoAsync(db, clock, merge);
        }

        return TypedResults.Ok(MergeView.Of(merge));
    }
}
