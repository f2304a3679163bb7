using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Platform.Auth;

namespace Sanus.Tests.Imports;

/// <summary>A distributor with one end customer, a company outside its scope, and a partner user who may import and export.</summary>
public sealed record PartnerSetup(HttpClient Admin, HttpClient Partner, Guid Distributor, Guid Customer, string CustomerName, Guid Stranger, string StrangerName)
{
    public static async Task<PartnerSetup> CreateAsync(SanusApp app)
    {
        var admin = await app.ApiAsAdmin();
        var u = ImportClient.Unique();
        async Task<Guid> Company(string name, string kind = "end-customer") =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name, country = "DE", website = $"{ImportClient.Unique()}.example", kind })).Json()).GetProperty("id").GetGuid();
        var distributor = await Company("Distributor " + u, "distributor");
        var customerName = "Klinikum " + u;
        var strangerName = "Fremdklinik " + u;
        var customer = await Company(customerName);
        var stranger = await Company(strangerName);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = customer, type = "distributor-of" })).StatusCode);

        var role = await (await admin.PostAsJsonAsync("/api/v1/admin/roles", new { code = "", name = "Partner importer " + u, description = "For a test.", isExternal = true })).Json();
        var roleId = role.GetProperty("id").GetString();
        string[] grants = [Capabilities.DataImport, Capabilities.DataExport, Capabilities.ContactsEdit, Capabilities.CompaniesEdit];
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/roles/{roleId}/capabilities", grants)).StatusCode);
        var user = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Partner importer " + u);
        return new PartnerSetup(admin, await app.ApiAs(user.Email!), distributor, customer, customerName, stranger, strangerName);
    }
}
