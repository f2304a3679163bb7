using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Activities;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Inquiries;

/// <summary>
/// A customer with a contact and a deal owned by a Business Development user, a Project Manager, a Customer Success
/// Manager, and API clients for each: the people of GP-009's pre-sales and post-sales workflows.
/// </summary>
internal sealed record InquiryArrange(
    SanusApp App, HttpClient Admin, Guid Company, Guid Contact, string ContactEmail, string ContactName, Guid Deal,
    string OwnerId, HttpClient Owner, string PmId, HttpClient Pm, string CsmId, HttpClient Csm)
{
    public static async Task<InquiryArrange> CreateAsync(SanusApp app)
    {
        var admin = await app.ApiAsAdmin();
        var company = (await (await admin.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var (contact, email) = await Arranged.NewContactAsync(admin, company);
        var owner = await app.CreateUserAsync(roles: "Business Development");
        var pm = await app.CreateUserAsync(roles: "Project Manager");
        var csm = await app.CreateUserAsync(roles: "Customer Success Manager");
        var deal = await admin.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = company,
            description = "Imaging AI Pilot",
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            contactIds = new[] { contact },
            ownerId = owner.Id,
        });
        Assert.Equal(HttpStatusCode.Created, deal.StatusCode);
        return new InquiryArrange(
            app, admin, company, contact, email, "Ana Ruiz", (await deal.Json()).GetProperty("id").GetGuid(),
            owner.Id, await app.ApiAs(owner.Email!), pm.Id, await app.ApiAs(pm.Email!), csm.Id, await app.ApiAs(csm.Email!));
    }

    public async Task<HttpClient> ClientWithRoleAsync(params string[] roles) => await App.ApiAs((await App.CreateUserAsync(roles: roles)).Email!);

    public async Task<Guid> QuestionAsync(string question = "Does the AI read cone-beam CT scans?")
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/inquiries/pre-sales", new { dealId = Deal, contactId = Contact, question });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> PostSalesAsync(string question = "The screws of the last tray look discoloured.")
    {
        var response = await Csm.PostAsJsonAsync("/api/v1/inquiries/post-sales", new { companyId = Company, contactId = Contact, channel = "phone", question, dealId = Deal });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Json();
    }

    public static async Task<List<string>> RefusedAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Json()).GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
    }

    public static async Task StatusAsync(HttpStatusCode expected, Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static List<string> Actions(JsonElement inquiry) =>
        inquiry.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToList();
}
