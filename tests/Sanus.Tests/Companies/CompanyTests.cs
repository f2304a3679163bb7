using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Companies;

/// <summary>CO-1, CO-2, CO-3, CO-5: required fields, normalisation, duplicate warning, sites and relationships.</summary>
public sealed class CompanyTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Name_country_and_website_are_required_and_normalised()
    {
        var client = await app.ApiAsAdmin();
        var missing = await (await client.PostAsJsonAsync("/api/v1/companies", new { })).Json();
        var errors = missing.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.True(errors.TryGetProperty("website", out _));

        var id = Guid.NewGuid().ToString("N")[..8];
        var created = await (await client.PostAsJsonAsync("/api/v1/companies", new { name = $"Sanitas {id}", country = "es", website = $"HTTP://WWW.Sanitas-{id}.example/" })).Json();

        Assert.Equal("ES", created.GetProperty("country").GetString());
        Assert.Equal($"https://sanitas-{id}.example", created.GetProperty("website").GetString());
        Assert.Equal($"sanitas-{id}.example", created.GetProperty("websiteDomain").GetString());
        Assert.Equal("New", created.GetProperty("leadStatus").GetString());
    }

    [Theory]
    [InlineData("UK", "use GB")]
    [InlineData("XX", "not an ISO 3166-1")]
    [InlineData("Spain", "not an ISO 3166-1")]
    public async Task Country_must_be_a_real_iso_code(string country, string message)
    {
        var client = await app.ApiAsAdmin();
        var response = await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(country: country));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Json()).GetProperty("errors").GetProperty("country")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_domain_or_name_warns_with_candidates_unless_confirmed()
    {
        var client = await app.ApiAsAdmin();
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = await (await client.PostAsJsonAsync("/api/v1/companies", new { name = $"Novartis {id}", country = "CH", website = $"novartis-{id}.example" })).Json();

        var sameDomain = await client.PostAsJsonAsync("/api/v1/companies", new { name = $"Novartis Spain {id}", country = "ES", website = $"https://www.novartis-{id}.example/es" });
        Assert.Equal(HttpStatusCode.Conflict, sameDomain.StatusCode);
        var candidate = Assert.Single((await sameDomain.Json()).GetProperty("candidates").EnumerateArray());
        Assert.Equal(first.GetProperty("id").GetGuid(), candidate.GetProperty("id").GetGuid());
        Assert.Equal("website domain", candidate.GetProperty("matchedOn").GetString());

        var sameName = await client.PostAsJsonAsync("/api/v1/companies", new { name = $"NOVARTIS {id} AG", country = "DE", website = $"other-{id}.example" });
        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);

        var confirmed = await client.PostAsJsonAsync("/api/v1/companies?confirm=true", new { name = $"Novartis Spain {id}", country = "ES", website = $"novartis-{id}.example" });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task Sites_belong_to_the_company_and_validate_coordinates()
    {
        var client = await app.ApiAsAdmin();
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();

        var bad = await client.PostAsJsonAsync($"/api/v1/companies/{company}/sites", new { name = "Clínica", country = "ES", latitude = 120.0, longitude = 3.0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var good = await client.PostAsJsonAsync($"/api/v1/companies/{company}/sites", new { name = "Clínica Madrid", country = "ES", address = "Calle Mayor 1, Madrid", latitude = 40.4168, longitude = -3.7038 });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);

        var sites = await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{company}/sites");
        Assert.Equal("Clínica Madrid", Assert.Single(sites.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Relationship_graph_shows_both_directions_with_labels()
    {
        var client = await app.ApiAsAdmin();
        async Task<Guid> Create() => (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var parent = await Create();
        var child = await Create();
        var payer = await Create();
        await client.PostAsJsonAsync($"/api/v1/companies/{parent}/relationships", new { toCompanyId = child, type = "parent-of" });
        await client.PostAsJsonAsync($"/api/v1/companies/{payer}/relationships", new { toCompanyId = child, type = "pays-for" });
        var unknownType = await client.PostAsJsonAsync($"/api/v1/companies/{parent}/relationships", new { toCompanyId = child, type = "owns" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);

        var graph = await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{child}/relationships");

        Assert.Equal(3, graph.GetProperty("nodes").GetArrayLength());
        var labels = graph.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("typeLabel").GetString()).Order().ToList();
        Assert.Equal(["parent of", "pays for"], labels);
    }

    [Fact]
    public async Task List_pages_with_a_cursor_without_gaps_or_repeats()
    {
        var client = await app.ApiAsAdmin();
        var tag = "Paging" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 7; i++)
        {
            await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany($"{tag} Clinic {i}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies?q={tag}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{tag} Clinic {i}"), seen);
    }
}
