using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Deals.DealRules;

namespace Sanus.Web.Features.Deals;

public static class DealsApi
{
    public sealed record MoveRequest(string? Stage);

    public sealed record StageChangeView(string? FromStage, string ToStage, DateTime At, string? UserId);

    public static void MapDealsApi(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals");
        deals.MapGet("/", List).WithSummary("Deals, filtered (ownerId, dealClass, country, closeMonth YYYY-MM, companyId, q, unowned) and sorted (name, -amount), keyset paged.");
        deals.MapGet("/board", Board).WithSummary("The pipeline board: per stage the count, totals and weighted totals, and the first cards.");
        deals.MapGet("/board/{stage}", Column).WithSummary("More cards of one board column (cursor from the board).");
        deals.MapGet("/owner-candidates", OwnerCandidates).WithSummary("The Business Development people covering a deal class, the lightest open pipeline first (DL-7).");
        deals.MapGet("/{id:guid}", Get).WithSummary("One deal; its version is the ETag.");
        deals.MapGet("/{id:guid}/stages", Stages).WithSummary("Every stage move of the deal, with time and user (DL-2).");
        deals.MapPost("/", Create).RequireCapability(Capabilities.DealsEdit).WithSummary("Create a deal at Prospected; the name is built by the system (DL-3).");
        deals.MapPut("/{id:guid}", Update).RequireCapability(Capabilities.DealsEdit).WithSummary("Change a deal's fields (not its stage); If-Match honoured.");
        deals.MapPost("/{id:guid}/move", Move).RequireCapability(Capabilities.DealsEdit)
            .WithSummary("Move to another stage. Forward moves pass every gate on the way; a refusal is 422 listing each missing fact in 'missing'.");
        deals.MapPost("/{id:guid}/lose", Lose).RequireCapability(Capabilities.DealsEdit).WithSummary("Lose the deal: reason, notes, optional come-back date and feedback request (DL-5).");
        deals.MapPost("/{id:guid}/start-new", StartNew).RequireCapability(Capabilities.DealsEdit).WithSummary("Start a new deal at Prospected from a lost one.");
        deals.MapDelete("/{id:guid}", Archive).RequireCapability(Capabilities.DealsEdit).WithSummary("Archive a deal.");
        deals.MapPost("/{id:guid}/restore", Restore).RequireCapability(Capabilities.DealsEdit).WithSummary("Restore an archived deal.");
    }

    private static DealList.Filter Filter(string? ownerId, string? dealClass, string? country, string? closeMonth, Guid? companyId, string? q, bool? unowned, bool? includeArchived, string? sort) =>
        new(ownerId, dealClass, country, closeMonth, companyId, q, unowned ?? false, includeArchived ?? false, sort);

    private static async Task<Ok<DealList.Page>> List(SanusDb db, string? ownerId, string? dealClass, string? country, string? closeMonth, Guid? companyId, string? q, bool? unowned, bool? includeArchived, string? sort, int? limit, string? cursor) =>
        TypedResults.Ok(await DealList.ListAsync(db, Filter(ownerId, dealClass, country, closeMonth, companyId, q, unowned, includeArchived, sort), Paging.Limit(limit), cursor));

    private static async Task<Ok<List<DealList.Column>>> Board(SanusDb db, string? ownerId, string? dealClass, string? country, string? closeMonth, Guid? companyId, string? q, bool? unowned, int? perColumn) =>
        TypedResults.Ok(await DealList.BoardAsync(db, Filter(ownerId, dealClass, country, closeMonth, companyId, q, unowned, false, null), Paging.Limit(perColumn ?? 20)));

    private static async Task<Ok<DealList.Page>> Column(string stage, SanusDb db, string? ownerId, string? dealClass, string? country, string? closeMonth, Guid? companyId, string? q, bool? unowned, int? limit, string? cursor) =>
        TypedResults.Ok(await DealList.CardsAsync(db, Filter(ownerId, dealClass, country, closeMonth, companyId, q, unowned, false, null), stage, Paging.Limit(limit ?? 20), cursor));

    private static async Task<Ok<List<OwnerSuggestion.Candidate>>> OwnerCandidates(string? dealClass, SanusDb db) =>
        TypedResults.Ok(await OwnerSuggestion.CandidatesAsync(db, dealClass ?? throw ProblemException.Invalid("dealClass", "Give the deal class to find owners for.")));

    private static async Task<Ok<DealView>> Get(Guid id, SanusDb db, HttpResponse response) => Respond(await GetAsync(db, id), response);

    private static async Task<Ok<List<StageChangeView>>> Stages(Guid id, SanusDb db) => TypedResults.Ok(await DealList.StagesAsync(db, id));

    private static async Task<Created<DealView>> Create(DealInput input, SanusDb db, TimeProvider clock, HttpResponse response)
    {
        var deal = await CreateAsync(db, clock, input);
        response.Headers.ETag = Versioning.ETag(deal.Version);
        return TypedResults.Created($"/api/v1/deals/{deal.Id}", DealView.Of(deal));
    }

    private static async Task<Ok<DealView>> Update(Guid id, DealInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        Respond(await UpdateAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<DealView>> Move(Guid id, MoveRequest move, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await MoveAsync(db, clock, id, move.Stage, Versioning.IfMatch(request)), response);

    private static async Task<Ok<DealView>> Lose(Guid id, LoseInput input, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await LoseAsync(db, clock, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Created<DealView>> StartNew(Guid id, SanusDb db, TimeProvider clock)
    {
        var deal = await StartFromLostAsync(db, clock, id);
        return TypedResults.Created($"/api/v1/deals/{deal.Id}", DealView.Of(deal));
    }

    private static async Task<Ok<DealView>> Archive(Guid id, SanusDb db, TimeProvider clock) => await SetArchived(id, db, clock, true);

    private static async Task<Ok<DealView>> Restore(Guid id, SanusDb db, TimeProvider clock) => await SetArchived(id, db, clock, false);

    private static async Task<Ok<DealView>> SetArchived(Guid id, SanusDb db, TimeProvider clock, bool archived)
    {
        var deal = await GetAsync(db, id);
        deal.ArchivedAt = archived ? deal.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync();
        return TypedResults.Ok(DealView.Of(deal));
    }

    private static Ok<DealView> Respond(Deal deal, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(deal.Version);
        return TypedResults.Ok(DealView.Of(deal));
    }
}
