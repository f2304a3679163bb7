using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Inquiries.InquiryArrange;

namespace Sanus.Tests.Inquiries;

/// <summary>INQ-2 (GP-009 "Post-sales"), AE-1: the Customer Success Manager triages once into one of four outcomes, each a recorded step.</summary>
public sealed class PostSalesInquiryTests(SanusApp app) : IClassFixture<SanusApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Answered_by_customer_success()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync("Where can we download the new IFU?");
        var logged = await OkAsync(a.Csm.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("Awaiting triage", logged.GetProperty("status").GetString());
        Assert.Contains(id, await IdsAsync(a.Csm, "/api/v1/inquiries?assignedToMe=true"));
        Assert.DoesNotContain(id, await IdsAsync(a.Owner, "/api/v1/inquiries?assignedToMe=true"));
        Assert.Equal("phone", logged.GetProperty("channel").GetString());

        var answered = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "On the customer portal, under Documents." }));

        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal("answered", answered.GetProperty("outcome").GetString());
        Assert.Equal("On the customer portal, under Documents.", answered.GetProperty("answer").GetString());
        Assert.Equal(["received", "triage"], Actions(answered));
        Assert.DoesNotContain(id, await IdsAsync(a.Csm, "/api/v1/inquiries?assignedToMe=true"));
        Assert.Equal(a.CsmId, answered.GetProperty("steps")[1].GetProperty("byUserId").GetString());
        await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "Again." }));
    }

    [Fact]
    public async Task Routed_to_a_department_the_assignee_answers_and_it_cant_be_triaged_again()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync("Can we add two more surgeons to the training?");
        var accountManager = await app.CreateUserAsync(roles: "Account Manager");
        var am = await app.ApiAs(accountManager.Email!);
        Assert.Contains("triage", (await RefusedAsync(am.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Early." }))).Single(), StringComparison.Ordinal);

        var routed = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "routed", department = "account-manager", assigneeId = accountManager.Id, note = "Contract extension question." }));

        Assert.Equal("Routed", routed.GetProperty("status").GetString());
        Assert.Equal("account-manager", routed.GetProperty("department").GetString());
        Assert.Equal(accountManager.Id, routed.GetProperty("assigneeId").GetString());
        var step = routed.GetProperty("steps")[1];
        Assert.Equal((a.CsmId, accountManager.Id), (step.GetProperty("fromUserId").GetString(), step.GetProperty("toUserId").GetString()));
        Assert.Equal("Triaged: routed to Account Manager", step.GetProperty("label").GetString());
        Assert.Contains("already triaged", (await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "x" }))).Single(), StringComparison.Ordinal);
        await StatusAsync(HttpStatusCode.Forbidden, a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Not mine to answer." }));

        var answered = await OkAsync(am.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Yes, two seats added to the March webinar." }));

        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal(["received", "triage", "answer"], Actions(answered));
        Assert.Equal(accountManager.Id, answered.GetProperty("steps")[2].GetProperty("byUserId").GetString());
        await RefusedAsync(am.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Twice." }));
    }

    [Fact]
    public async Task Routed_to_the_deal_owner_without_naming_one_goes_to_the_owner_of_the_inquirys_deal()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync("Can we move the go-live to next month?");

        var routed = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "routed", department = "deal-owner" }));

        Assert.Equal(a.OwnerId, routed.GetProperty("assigneeId").GetString());
        var answered = await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Yes, we moved it to the 14th." }));
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_complaint_becomes_a_complaint_record_awaiting_quality_review()
    {
        var a = await CreateAsync(app);
        var site = (await (await a.Admin.PostAsJsonAsync($"/api/v1/companies/{a.Company}/sites", new { name = "Theatre block B", country = "ES" })).Json()).GetProperty("id").GetGuid();
        var id = await a.PostSalesAsync();
        var aware = Now.AddHours(-3);
        aware = aware.AddTicks(-(aware.Ticks % TimeSpan.TicksPerSecond));

        var raised = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new
        {
            outcome = "complaint",
            complaint = new
            {
                device = "Trauma plate system TP-3",
                udi = "(01)08412345678905(17)271231(10)LOT42(21)SN0001",
                lot = "LOT42",
                serialNumber = "SN0001",
                awareAt = aware,
                siteId = site,
                description = "Discoloured screws found in a sterile tray before surgery.",
                patientHarmed = "no",
            },
        }));

        Assert.Equal("Complaint raised", raised.GetProperty("status").GetString());
        Assert.Equal(["received", "triage"], Actions(raised));
        Assert.Equal("complaint", raised.GetProperty("steps")[1].GetProperty("outcome").GetString());
        var complaintId = raised.GetProperty("complaintId").GetGuid();
        var complaint = await OkAsync(a.Admin.GetAsync($"/api/v1/complaints/{complaintId}"));
        Assert.Equal("Awaiting quality review", complaint.GetProperty("status").GetString());
        Assert.Equal("Trauma plate system TP-3", complaint.GetProperty("device").GetString());
        Assert.Equal("(01)08412345678905(17)271231(10)LOT42(21)SN0001", complaint.GetProperty("udi").GetString());
        Assert.Equal("LOT42", complaint.GetProperty("lot").GetString());
        Assert.Equal("SN0001", complaint.GetProperty("serialNumber").GetString());
        Assert.Equal(aware, complaint.GetProperty("awareAt").GetDateTime().ToUniversalTime());
        Assert.Equal(site, complaint.GetProperty("siteId").GetGuid());
        Assert.Equal("Theatre block B", complaint.GetProperty("siteName").GetString());
        Assert.Equal("no", complaint.GetProperty("patientHarmed").GetString());
        Assert.Equal(a.Contact, complaint.GetProperty("reporterContactId").GetGuid());
        Assert.Equal(id, complaint.GetProperty("inquiryId").GetGuid());
        Assert.Equal(a.Company, complaint.GetProperty("companyId").GetGuid());
        var listed = (await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/complaints?companyId={a.Company}")).GetProperty("items");
        Assert.Equal(complaintId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());

        await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "x" }));
        await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "x" }));
    }

    [Fact]
    public async Task The_time_of_awareness_is_required_and_not_in_the_future()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync();
        object Complaint(DateTime? awareAt) => new
        {
            outcome = "complaint",
            complaint = new { device = "Knee system K2", awareAt, description = "Loose insert reported.", patientHarmed = "unknown", reporterName = "Theatre nurse" },
        };

        foreach (var awareAt in new DateTime?[] { null, Now.AddMinutes(30) })
        {
            var response = await a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", Complaint(awareAt));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("complaint.awareAt", out _));
        }

        var still = await OkAsync(a.Csm.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("Awaiting triage", still.GetProperty("status").GetString());
        Assert.Empty((await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/complaints?companyId={a.Company}")).GetProperty("items").EnumerateArray());

        var raised = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", Complaint(Now.AddMinutes(-5))));
        var complaint = await OkAsync(a.Admin.GetAsync($"/api/v1/complaints/{raised.GetProperty("complaintId").GetGuid()}"));
        Assert.Equal("Theatre nurse", complaint.GetProperty("reporterName").GetString());
        Assert.Equal("unknown", complaint.GetProperty("patientHarmed").GetString());
    }

    [Fact]
    public async Task A_new_requirement_becomes_a_product_requirement_for_design_and_development()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync("Could the report include the Kellgren-Lawrence grade?");

        var raised = await OkAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new
        {
            outcome = "requirement",
            requirement = new { title = "Kellgren-Lawrence grade in the report", description = "Radiologists want the KL grade next to the severity score." },
        }));

        Assert.Equal("Requirement raised", raised.GetProperty("status").GetString());
        var requirementId = raised.GetProperty("productRequirementId").GetGuid();
        var requirement = await OkAsync(a.Admin.GetAsync($"/api/v1/product-requirements/{requirementId}"));
        Assert.Equal("New", requirement.GetProperty("status").GetString());
        Assert.Equal("Kellgren-Lawrence grade in the report", requirement.GetProperty("title").GetString());
        Assert.Equal("Radiologists want the KL grade next to the severity score.", requirement.GetProperty("description").GetString());
        Assert.Equal(id, requirement.GetProperty("sourceInquiryId").GetGuid());
        Assert.Equal(a.Company, requirement.GetProperty("companyId").GetGuid());
        var listed = (await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/product-requirements?companyId={a.Company}")).GetProperty("items");
        Assert.Equal(requirementId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Contains("can't be triaged", (await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "requirement", requirement = new { title = "t", description = "d" } }))).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_customer_success_manager_triages_and_an_invalid_decision_changes_nothing()
    {
        var a = await CreateAsync(app);
        var id = await a.PostSalesAsync();

        await StatusAsync(HttpStatusCode.Forbidden, a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "x" }));
        await StatusAsync(HttpStatusCode.BadRequest, a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "ignore" }));
        await StatusAsync(HttpStatusCode.BadRequest, a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "routed", department = "technical" }));
        await StatusAsync(HttpStatusCode.BadRequest, a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "requirement", requirement = new { title = "" } }));
        await StatusAsync(HttpStatusCode.Forbidden, a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "x" }));
        Assert.Contains("triages it", (await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "x" }))).Single(), StringComparison.Ordinal);

        var stored = await OkAsync(a.Csm.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("Awaiting triage", stored.GetProperty("status").GetString());
        Assert.Equal(["received"], Actions(stored));
    }
}
