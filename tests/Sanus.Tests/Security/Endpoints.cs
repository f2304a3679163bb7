using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Platform.Auth;

namespace Sanus.Tests.Security;

/// <summary>One method and route of the API, with the capability it requires (null when any signed-in user may call it).</summary>
public sealed record ApiEndpoint(string Method, string Route, string? Capability)
{
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => $"{Method} {Route}";

    /// <summary>Every /api/v1 endpoint the running app maps: a new endpoint joins the sweeps without touching them.</summary>
    public static List<ApiEndpoint> All(SanusApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(
                method,
                e.RoutePattern.RawText!,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null && Capabilities.All.ContainsKey(p)))))
            .Distinct()
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The route with each parameter replaced by the id of a record of its area in <paramref name="ids"/>, or a fresh id.</summary>
    public string Url(IReadOnlyDictionary<string, Guid>? ids = null) => Fill(Route, ids);

    /// <summary>The id in <paramref name="ids"/> for the area a route belongs to (/api/v1/{area}/…), if any.</summary>
    public static Guid? IdFor(string route, IReadOnlyDictionary<string, Guid>? ids)
    {
        var area = route.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        return ids is not null && ids.TryGetValue(area, out var id) ? id : null;
    }

    public static string Fill(string route, IReadOnlyDictionary<string, Guid>? ids)
    {
        var id = IdFor(route, ids) ?? Guid.NewGuid();
        return Regex.Replace(route, "{[^}]+}", m => m.Value.StartsWith("{stage", StringComparison.Ordinal) ? "Qualified" : id.ToString());
    }
}
