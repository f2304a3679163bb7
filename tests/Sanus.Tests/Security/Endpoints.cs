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

    /// <summary>The route with each parameter replaced: by the id <paramref name="idFor"/> picks for the route, or a fresh one.</summary>
    public string Url(Func<string, Guid?>? idFor = null)
    {
        var id = idFor?.Invoke(Route) ?? Guid.NewGuid();
        return Regex.Replace(Route, "{[^}]+}", m => m.Value.StartsWith("{stage", StringComparison.Ordinal) ? "Qualified" : id.ToString());
    }
}
