using Sanus.Web.Data;

namespace Sanus.Web.Platform.Search;

public static class SearchApi
{
    public sealed record HitView(string Kind, string Title, string Href);

    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Find).WithTags("Search")
            .WithSummary("The search box: companies, contacts and deals by every word as a prefix (a deal by its country, company or description), users by part of the name or email; up to `limit` (default 20, at most 50) of each, in the caller's scope.");
    }

    private static async Task<List<HitView>> Find(SanusDb db, string? q, int? limit)
    {
        var hits = await GlobalSearch.FindAsync(db, q, Math.Clamp(limit ?? 20, 1, 50));
        return hits.Select(h => new HitView(h.Kind, h.Title, "/" + h.Href)).ToList();
    }
}
