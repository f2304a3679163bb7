using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>REC-2: versions as ETags, If-Match honoured, stale writes refused with the current values, archive and restore.</summary>
public sealed class RecordVersionTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Stale_if_match_is_refused_with_412_and_the_current_values()
    {
        var client = await app.ApiAsAdmin();
        var created = await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var company = await created.Json();
        var id = company.GetProperty("id").GetGuid();
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/companies/{id}") { Content = JsonContent.Create(new { name = "First writer", country = "ES", website = company.GetProperty("website").GetString() }) };
        first.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var firstResponse = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal("\"2\"", firstResponse.Headers.ETag?.Tag);

        var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/companies/{id}") { Content = JsonContent.Create(new { name = "Second writer", country = "ES", website = company.GetProperty("website").GetString() }) };
        second.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var secondResponse = await client.SendAsync(second);

        Assert.Equal(HttpStatusCode.PreconditionFailed, secondResponse.StatusCode);
        var problem = await secondResponse.Json();
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("First writer", problem.GetProperty("current").GetProperty("name").GetString());
        var stored = await (await client.GetAsync($"/api/v1/companies/{id}")).Json();
        Assert.Equal("First writer", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_archives_hides_from_lists_and_restore_brings_it_back()
    {
        var client = await app.ApiAsAdmin();
        var name = "Archivable " + Guid.NewGuid().ToString("N")[..8];
        var company = await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(name))).Json();
        var id = company.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/companies/{id}")).StatusCode);

        var listed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/companies?q={Uri.EscapeDataString(name)}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        var withArchived = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/companies?q={Uri.EscapeDataString(name)}&includeArchived=true");
        Assert.Single(withArchived.GetProperty("items").EnumerateArray());
        var archived = await (await client.GetAsync($"/api/v1/companies/{id}")).Json();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/companies/{id}/restore", null)).StatusCode);

        var restored = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/companies?q={Uri.EscapeDataString(name)}");
        Assert.Single(restored.GetProperty("items").EnumerateArray());
        var actions = await app.WithDb(db => Task.FromResult(db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).Distinct().ToList()));
        Assert.Contains("archive", actions);
        Assert.Contains("restore", actions);
    }
}
