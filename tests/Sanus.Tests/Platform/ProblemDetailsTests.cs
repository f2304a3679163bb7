using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>INT-1: every API error is an RFC 9457 problem details body with a traceId; validation errors name each field.</summary>
public sealed class ProblemDetailsTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static async Task<System.Text.Json.JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var client = await app.ApiAsAdmin();
        var response = await client.PostAsync("/api/v1/companies", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var client = await app.ApiAsAdmin();
        await AssertProblem(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_record_is_a_404_problem()
    {
        var client = await app.ApiAsAdmin();
        await AssertProblem(await client.GetAsync($"/api/v1/companies/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var client = await app.ApiAsAdmin();
        await AssertProblem(await client.PatchAsync("/api/v1/auth/tokens", null), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var client = await app.ApiAsAdmin();
        var response = await client.PostAsync("/api/v1/companies", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Missing_credentials_is_a_401_problem()
    {
        await AssertProblem(await app.Anonymous().GetAsync("/api/v1/companies"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Validation_errors_name_each_field_with_what_to_do()
    {
        var client = await app.ApiAsAdmin();
        var response = await client.PostAsJsonAsync("/api/v1/companies", new { name = "", country = "UK", website = "" });

        var errors = (await AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("use GB", errors.GetProperty("country")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("best known", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("website", errors.GetProperty("website")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_holding_a_nul_character_is_refused_on_its_field_and_nothing_is_stored()
    {
        var client = await app.ApiAsAdmin();
        var name = $"Nul {Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/v1/companies", new { name = name + "\u0000", country = "DE", website = $"nul-{Guid.NewGuid():N}.example" });

        var errors = (await AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("NUL", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        var found = await client.GetStringAsync($"/api/v1/companies?q={Uri.EscapeDataString(name)}");
        Assert.DoesNotContain(name, found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_a_query_parameter_or_a_lookup_field_is_a_400_naming_it()
    {
        var client = await app.ApiAsAdmin();

        var search = await AssertProblem(await client.GetAsync("/api/v1/companies?q=ab%00cd"), HttpStatusCode.BadRequest);
        Assert.Contains("NUL", search.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        // The product's SKU is looked up for uniqueness before anything is saved: the refusal must come first.
        var product = await client.PostAsJsonAsync("/api/v1/catalogue/products", new { sku = "X\u0000", name = "Nul product", kind = "device", unit = "unit" });
        Assert.Contains("NUL", (await AssertProblem(product, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("sku")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_paging_parameters_are_400_problems()
    {
        var client = await app.ApiAsAdmin();
        await AssertProblem(await client.GetAsync("/api/v1/companies?limit=100000"), HttpStatusCode.BadRequest);
        await AssertProblem(await client.GetAsync("/api/v1/companies?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
        await AssertProblem(await client.GetAsync("/api/v1/companies?limit=abc"), HttpStatusCode.BadRequest);
    }
}
