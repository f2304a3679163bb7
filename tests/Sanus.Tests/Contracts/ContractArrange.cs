using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Quotations;

namespace Sanus.Tests.Contracts;

/// <summary>A customer with a deal through Implementation Defined and an accepted quotation, and the people who act on contracts.</summary>
public sealed class ContractArrange(SanusApp app)
{
    public HttpClient Admin { get; private set; } = default!;

    public Guid Company { get; private set; }

    public string CompanyName { get; private set; } = "";

    public Guid Contact { get; private set; }

    public Guid Deal { get; private set; }

    public Guid Quotation { get; private set; }

    public string QuotationNumber { get; private set; } = "";

    public DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static async Task<ContractArrange> CreateAsync(SanusApp app, long totalMinor = 1_000_000, string status = QuotationStatus.Accepted)
    {
        var arranged = new ContractArrange(app);
        await arranged.ArrangeAsync(totalMinor, status);
        return arranged;
    }

    private async Task ArrangeAsync(long totalMinor, string status)
    {
        Admin = await app.ApiAsAdmin();
        CompanyName = "Clinica Arenal " + Guid.NewGuid().ToString("N")[..6];
        Company = (await (await Admin.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(CompanyName))).Json()).GetProperty("id").GetGuid();
        Contact = (await (await Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Lucia", lastName = "Vega", email = $"lucia.{Guid.NewGuid():N}@arenal.example", jobTitle = "COO", companyIds = new[] { Company } })).Json()).GetProperty("id").GetGuid();
        Deal = await DealThroughImplementationDefinedAsync(Admin, Company, Contact);
        (Quotation, QuotationNumber) = await AddQuotationAsync(totalMinor, status);
    }

    public static async Task<Guid> DealThroughImplementationDefinedAsync(HttpClient client, Guid company, Guid contact)
    {
        var created = await client.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = company,
            description = "Imaging rollout",
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            amount = 10000m,
            currency = "EUR",
            contactIds = new[] { contact },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = await created.Json();
        var id = deal.GetProperty("id").GetGuid();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(deal.GetRawText())!;
        body["budgetConfirmed"] = true;
        body["budgetNote"] = "Budget approved";
        body["authorityConfirmed"] = true;
        body["authorityNote"] = "The COO signs";
        body["needConfirmed"] = true;
        body["needNote"] = "Backlog of scans";
        body["implementationMethod"] = "API";
        body["successMetrics"] = "Report turnaround under 24 h";
        body["pricingBasis"] = "per report";
        body["pricingFigures"] = "EUR 10 per report";
        body["implementationTimeline"] = "Live in 8 weeks";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/deals/{id}", body)).StatusCode);
        var moved = await client.PostAsJsonAsync($"/api/v1/deals/{id}/move", new { stage = "Implementation Defined" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return id;
    }

    /// <summary>Quotations are another helper's feature: the test writes the row the way an accepted one is stored.</summary>
    public async Task<(Guid Id, string Number)> AddQuotationAsync(long totalMinor, string status = QuotationStatus.Accepted, string? number = null, int revision = 1, TimeSpan? issuedAgo = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var quotation = new Quotation
        {
            DealId = Deal,
            Number = number ?? $"Q-{now.Year}-{Guid.NewGuid().ToString("N")[..6]}",
            Revision = revision,
            Status = status,
            Currency = "EUR",
            TotalMinor = totalMinor,
            IssuedAt = status == QuotationStatus.Draft ? null : now - (issuedAgo ?? TimeSpan.FromDays(3)),
            AcceptedAt = status == QuotationStatus.Accepted ? now - TimeSpan.FromDays(1) : null,
        };
        await app.WithDb(async db =>
        {
            db.Add(quotation);
            return await db.SaveChangesAsync();
        });
        return (quotation.Id, quotation.Number);
    }

    public async Task<JsonElement> CreateContractAsync(HttpClient? client = null, Guid? quotation = null, decimal? firstInstalment = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/v1/contracts", new { quotationId = quotation ?? Quotation, firstInstalment });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    public async Task<HttpClient> UserAsync(string role) => await app.ApiAs((await app.CreateUserAsync(roles: role)).Email!);

    public static Task<HttpResponseMessage> SignOurs(HttpClient client, Guid contract, string password = SanusApp.Password) =>
        client.PostAsJsonAsync($"/api/v1/contracts/{contract}/sign", new { password, meaning = "signer" });

    public Task<HttpResponseMessage> RecordCustomer(Guid contract, DateOnly? signedOn = null, string signatory = "Lucia Vega")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(signatory), "signatoryName" },
            { new StringContent(Contact.ToString()), "contactId" },
            { new StringContent((signedOn ?? Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "signedOn" },
        };
        var file = new ByteArrayContent("%PDF-1.4 signed copy"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "contract-signed.pdf");
        return Admin.PostAsync($"/api/v1/contracts/{contract}/customer-signature", form);
    }

    /// <summary>A contract signed by the General Manager and the customer.</summary>
    public async Task<(Guid Id, HttpClient GeneralManager)> SignedContractAsync(decimal? firstInstalment = null)
    {
        var id = (await CreateContractAsync(firstInstalment: firstInstalment)).GetProperty("id").GetGuid();
        var manager = await UserAsync("General Manager");
        Assert.Equal(HttpStatusCode.OK, (await SignOurs(manager, id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RecordCustomer(id)).StatusCode);
        return (id, manager);
    }

    public async Task<string> DealStageAsync() => (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{Deal}")).GetProperty("stage").GetString()!;
}
