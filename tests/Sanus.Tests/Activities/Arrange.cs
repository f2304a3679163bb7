using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Activities;

/// <summary>A company with one contact, and helpers to log activities and create deals and tasks over the API.</summary>
internal sealed record Arranged(HttpClient Client, Guid Company, Guid Contact, string ContactEmail)
{
    public static async Task<Arranged> CreateAsync(HttpClient client)
    {
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var contact = await NewContactAsync(client, company);
        return new Arranged(client, company, contact.Id, contact.Email);
    }

    public static async Task<(Guid Id, string Email)> NewContactAsync(HttpClient client, Guid company)
    {
        var email = $"ana.{Guid.NewGuid():N}@hospital.example";
        var response = await client.PostAsJsonAsync("/api/v1/contacts?confirm=true", new { firstName = "Ana", lastName = "Ruiz", email, jobTitle = "CMO", companyIds = new[] { company } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Json()).GetProperty("id").GetGuid(), email);
    }

    public async Task<Guid> DealAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = Company,
            description = "Pilot",
            dealClass = "care-inpatient-private-for-profit",
            origin = "outreach",
            contactIds = new[] { Contact },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> LogAsync(object activity)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/activities", activity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    public async Task<JsonElement> TaskAsync(object task)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/tasks", task);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    public async Task<string> LeadStatusAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{Company}")).GetProperty("leadStatus").GetString()!;
}
