using System.Text.Json;
using System.Text.Json.Nodes;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>INT-1: the committed docs/openapi.json is the document the app serves. Set SANUS_UPDATE_OPENAPI=1 to rewrite it.</summary>
public sealed class OpenApiTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Committed_openapi_document_matches_the_served_one()
    {
        var served = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        var pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("SANUS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, pretty);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(JsonNode.DeepEquals(served, committed), "docs/openapi.json is out of date: run the tests with SANUS_UPDATE_OPENAPI=1 and commit the file.");
        Assert.NotNull(served["paths"]!["/api/v1/companies"]);
    }

    [Fact]
    public async Task Api_reference_page_is_served()
    {
        var response = await app.CreateClient().GetAsync("/api/docs");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sanus API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sanus.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }
}
