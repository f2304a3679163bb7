using System.Net.Http.Json;
using System.Text.Json;

namespace Sanus.Tests.Infrastructure;

public static class Api
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static object NewCompany(string? name = null, string country = "ES", string? website = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new { name = name ?? "Hospital " + id, country, website = website ?? $"https://www.hospital-{id}.example" };
    }
}
