using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Activities;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Inquiries.InquiryArrange;

namespace Sanus.Tests.Inquiries;

/// <summary>ACC-3 on inquiries, complaints and product requirements: a partner's user sees its own customers' only; any other id is 404.</summary>
public sealed class InquiryPartnerScopeTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task A_partner_does_not_see_another_partners_customers_inquiries_complaints_or_requirements()
    {
        var admin = await app.ApiAsAdmin();
        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<Guid> Company(string name, string kind = "end-customer") =>
            (await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = $"{name} {tag}", country = "ES", website = $"{Guid.NewGuid():N}.example", kind })).Json()).GetProperty("id").GetGuid();
        var distributor = await Company("Iberia Ortho", "distributor");
        var otherDistributor = await Company("Levante Med", "distributor");
        var own = await Company("Hospital Norte");
        var other = await Company("Hospital Sur");
        (await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = own, type = "distributor-of" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/companies/{otherDistributor}/relationships", new { toCompanyId = other, type = "distributor-of" })).EnsureSuccessStatusCode();
        var ownContact = (await Arranged.NewContactAsync(admin, own)).Id;
        var otherContact = (await Arranged.NewContactAsync(admin, other)).Id;
        async Task<Guid> Inquiry(Guid company, Guid contact, string question) =>
            (await (await admin.PostAsJsonAsync("/api/v1/inquiries/post-sales", new { companyId = company, contactId = contact, channel = "partner", question })).Json()).GetProperty("id").GetGuid();
        var ownInquiry = await Inquiry(own, ownContact, "Ours " + tag);
        var otherInquiry = await Inquiry(other, otherContact, "Theirs " + tag);
        var otherComplaintInquiry = await Inquiry(other, otherContact, "Their complaint " + tag);
        var otherRequirementInquiry = await Inquiry(other, otherContact, "Their wish " + tag);
        var complaint = (await OkAsync(admin.PostAsJsonAsync($"/api/v1/inquiries/{otherComplaintInquiry}/triage", new
        {
            outcome = "complaint",
            complaint = new { device = "Hip stem H1", awareAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), description = "Broken packaging.", patientHarmed = "no" },
        }))).GetProperty("complaintId").GetGuid();
        var requirement = (await OkAsync(admin.PostAsJsonAsync($"/api/v1/inquiries/{otherRequirementInquiry}/triage", new
        {
            outcome = "requirement",
            requirement = new { title = "Spanish UI", description = "The staff want the viewer in Spanish." },
        }))).GetProperty("productRequirementId").GetGuid();
        var user = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var partner = await app.ApiAs(user.Email!);

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/inquiries/{ownInquiry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inquiries/{otherInquiry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/inquiries/{otherInquiry}/answer", new { answer = "Sneaky." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/complaints/{complaint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/product-requirements/{requirement}")).StatusCode);
        var listed = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/inquiries?limit=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(ownInquiry, listed);
        Assert.DoesNotContain(otherInquiry, listed);
        Assert.Empty((await partner.GetFromJsonAsync<JsonElement>("/api/v1/complaints?limit=200")).GetProperty("items").EnumerateArray());
        Assert.Empty((await partner.GetFromJsonAsync<JsonElement>("/api/v1/product-requirements?limit=200")).GetProperty("items").EnumerateArray());

        // A partner logs its customer's inquiry, never another's.
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/v1/inquiries/post-sales", new { companyId = own, contactId = ownContact, channel = "partner", question = "Ours too" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync("/api/v1/inquiries/post-sales", new { companyId = other, contactId = otherContact, channel = "partner", question = "Theirs too" })).StatusCode);
    }
}
