using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>Saved views are per user: named filters and sort of a list, replaced by name, invisible to others.</summary>
public sealed class SavedViewTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Views_are_saved_per_user_replaced_by_name_and_validated()
    {
        var ana = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);
        var ben = await app.ApiAs((await app.CreateUserAsync(roles: "Business Development")).Email!);

        Assert.Equal(HttpStatusCode.OK, (await ana.PostAsJsonAsync("/api/v1/views", new { list = "companies", name = "Spanish hospitals", query = "country=ES&kind=end-customer" })).StatusCode);
        await ana.PostAsJsonAsync("/api/v1/views", new { list = "companies", name = "Spanish hospitals", query = "country=ES&sort=-name" });
        var bad = await ana.PostAsJsonAsync("/api/v1/views", new { list = "planets", name = "" });

        var anas = await ana.GetFromJsonAsync<JsonElement>("/api/v1/views?list=companies");
        var view = Assert.Single(anas.EnumerateArray());
        Assert.Equal("country=ES&sort=-name", view.GetProperty("query").GetString());
        Assert.Empty((await ben.GetFromJsonAsync<JsonElement>("/api/v1/views")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await ben.DeleteAsync($"/api/v1/views/{view.GetProperty("id").GetGuid()}")).StatusCode);
        var errors = (await bad.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("list", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }
}
