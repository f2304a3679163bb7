using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Quotations;

namespace Sanus.Tests.Implementation;

/// <summary>
/// A customer with a contact, a deal, and a signed contract whose implementation plan was started the way the
/// contracts area starts it: the quotation and contract rows are inserted directly, then <see cref="ImplementationPlans.Start"/>.
/// </summary>
internal sealed record PlanArranged(Guid Company, string CompanyName, Guid Contact, Guid Deal, Guid Plan, DateOnly ContractDate)
{
    public const string Metrics = "90 % of orthopaedic surgeons plan with the software within 3 months";

    public static async Task<PlanArranged> CreateAsync(SanusApp app, HttpClient admin, Guid? distributor = null, DateOnly? contractDate = null)
    {
        var name = $"Hospital Levante {Guid.NewGuid().ToString("N")[..6]}";
        var company = await CompanyAsync(admin, name);
        if (distributor is { } partner)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{partner}/relationships", new { toCompanyId = company, type = "distributor-of" })).StatusCode);
        }

        var contact = await ContactAsync(admin, company);
        var deal = await admin.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = company,
            description = "Planning software",
            dealClass = "care-outpatient-public",
            origin = "outreach",
            amount = 25000m,
            currency = "EUR",
            successMetrics = Metrics,
        });
        Assert.Equal(HttpStatusCode.Created, deal.StatusCode);
        var dealId = (await deal.Json()).GetProperty("id").GetGuid();
        var date = contractDate ?? Today(app);
        var plan = await app.WithDb(async db =>
        {
            var quotation = new Quotation { DealId = dealId, Number = "Q-T-" + Guid.NewGuid().ToString("N")[..8], Status = QuotationStatus.Accepted, Total = 25000m };
            var contract = new Contract { DealId = dealId, QuotationId = quotation.Id, Number = "CT-T-" + Guid.NewGuid().ToString("N")[..8], Status = ContractStatus.SignedByBoth, SignedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.AddRange(quotation, contract);
            var started = ImplementationPlans.Start(db, dealId, contract.Id, company, name, date);
            await db.SaveChangesAsync();
            return started.Id;
        });
        return new PlanArranged(company, name, contact, dealId, plan, date);
    }

    public static async Task<Guid> CompanyAsync(HttpClient api, string name, string kind = "end-customer")
    {
        var response = await api.PostAsJsonAsync("/api/v1/companies?confirm=true", new { name, country = "ES", website = $"https://www.c-{Guid.NewGuid():N}.example", kind });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ContactAsync(HttpClient api, Guid company, string firstName = "Ana")
    {
        var response = await api.PostAsJsonAsync("/api/v1/contacts?confirm=true", new { firstName, lastName = "Ruiz", email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@hospital.example", jobTitle = "Head of traumatology", companyIds = new[] { company } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public static DateOnly Today(SanusApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
}
