using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Contacts;

/// <summary>Full-text search over names, emails, websites and phones sees a record as soon as it is saved.</summary>
public sealed class SearchTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task A_saved_contact_is_found_at_once_by_name_prefix_email_and_phone_ignoring_accents()
    {
        var client = await app.ApiAsAdmin();
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var tag = "Ñúñez" + Guid.NewGuid().ToString("N")[..5];
        var mailbox = "bego" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await client.PostAsJsonAsync("/api/v1/contacts", new
        {
            firstName = "Begoña",
            lastName = tag,
            email = $"{mailbox}@clinica.example",
            jobTitle = "Radiologist",
            companyIds = new[] { company },
            phone = "+34 699 112 233",
        })).Json();
        var id = created.GetProperty("id").GetGuid();

        foreach (var query in new[] { "bego " + tag[..6], "nunez" + tag[5..], "699112233", mailbox + "@clinica.example" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(query)}");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        }

        await client.PutAsJsonAsync($"/api/v1/contacts/{id}", new { firstName = "Begoña", lastName = "Renamed" + tag[5..], email = created.GetProperty("email").GetString(), jobTitle = "Radiologist", companyIds = new[] { company } });
        var old = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(tag)}");
        Assert.DoesNotContain(old.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var renamed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString("renamed" + tag[5..])}");
        Assert.Contains(renamed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Companies_are_found_by_website_and_name_words()
    {
        var client = await app.ApiAsAdmin();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = (await (await client.PostAsJsonAsync("/api/v1/companies", new { name = $"Hôpital Saint-Louis {tag}", country = "FR", website = $"saint-louis-{tag}.example" })).Json()).GetProperty("id").GetGuid();

        foreach (var query in new[] { $"hopital {tag}", $"saint-louis-{tag}.example", $"louis {tag}" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/companies?q={Uri.EscapeDataString(query)}");
            Assert.Equal(id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }
    }
}
