using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>ACC-3/ACC-4: no API endpoint but the token endpoint answers without authentication.</summary>
public sealed class AnonymousSweepTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static readonly HashSet<string> Anonymous = ["POST /api/v1/auth/token"];

    [Fact]
    public async Task Every_api_endpoint_but_token_refuses_anonymous_callers()
    {
        var client = app.Anonymous();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 10, $"expected the API's endpoints, found {endpoints.Count}");

        var answered = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", Guid.NewGuid().ToString());
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var key = $"{method} {route}";
            if (Anonymous.Contains(key))
            {
                continue;
            }

            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                answered.Add($"{key} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(answered);
    }
}
