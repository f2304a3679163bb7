using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Tests.Implementation;

/// <summary>IMP-1 implementation plans over the API: name, checklist progress, REC-3 revisions and signatures, partner scope.</summary>
public sealed class ImplementationPlanTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task The_plan_is_named_after_the_customer_and_contract_date_and_starts_from_the_deals_metrics()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin, contractDate: new DateOnly(2026, 3, 5));

        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}");
        Assert.Equal($"R-009-001 {arranged.CompanyName} 20260305", plan.GetProperty("name").GetString());
        Assert.Equal(PlanArranged.Metrics, plan.GetProperty("successMetrics").GetString());
        Assert.Equal(1, plan.GetProperty("revision").GetInt32());

        var ofDeal = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans?dealId={arranged.Deal}");
        Assert.Equal(arranged.Plan, Assert.Single(ofDeal.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Progress_counts_each_item_as_it_is_recorded_and_the_signatures_are_shown_but_not_counted()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin);
        var today = PlanArranged.Today(app);
        Assert.Equal("1 of 7 done", await SummaryAsync(admin, arranged.Plan));

        var input = new Dictionary<string, object?>
        {
            ["successMetrics"] = PlanArranged.Metrics,
            ["leads"] = new[] { new { contactId = arranged.Contact, role = "clinical lead" } },
        };
        await PutAsync(admin, arranged.Plan, input);
        Assert.Equal("2 of 7 done", await SummaryAsync(admin, arranged.Plan));

        input["accessGrantedOn"] = today;
        input["accessGrantedBy"] = "Marta Gil";
        input["accessGranted"] = "3 surgeon accounts, API key for the PACS bridge";
        await PutAsync(admin, arranged.Plan, input);
        input["ifuDeliveredOn"] = today;
        input["ifuReference"] = "IFU-OST-02";
        input["ifuVersion"] = "4.1";
        input["ifuDeliveredTo"] = "Ana Ruiz";
        await PutAsync(admin, arranged.Plan, input);
        input["milestones"] = new[] { new { title = "Go-live", dueOn = today.AddDays(30) } };
        input["usageReviewOn"] = today.AddMonths(6);
        input["usageReviewPeriodMonths"] = 6;
        var saved = await PutAsync(admin, arranged.Plan, input);
        Assert.Equal("6 of 7 done", saved.GetProperty("progress").GetProperty("summary").GetString());
        Assert.False(Item(saved, "training").GetProperty("done").GetBoolean());

        // Training is delivered once a session linked to the plan was held with someone attending.
        var session = await TrainingTests.CreateSessionAsync(admin, new { kind = "individual", title = "Planning basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, planIds = new[] { arranged.Plan } });
        await TrainingTests.AddAttendeeAsync(admin, session, arranged.Contact);
        Assert.Equal("6 of 7 done", await SummaryAsync(admin, arranged.Plan));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/trainings/{session}/attendees/{arranged.Contact}", new { attended = true })).StatusCode);

        var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}/progress");
        Assert.Equal("7 of 7 done", progress.GetProperty("summary").GetString());
        var signedByUs = progress.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "signedByUs");
        Assert.False(signedByUs.GetProperty("done").GetBoolean());
        Assert.False(signedByUs.GetProperty("counted").GetBoolean());

        var forDeal = await app.WithDb(db => ImplementationPlans.ProgressForDealAsync(db, arranged.Deal));
        Assert.Equal((7, 7), (forDeal!.Done, forDeal.Required));
        Assert.Null(await app.WithDb(db => ImplementationPlans.ProgressForDealAsync(db, Guid.NewGuid())));
    }

    [Fact]
    public async Task Leads_must_be_contacts_of_the_customer_and_delivered_items_need_their_details()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin);
        var stranger = await PlanArranged.ContactAsync(admin, await PlanArranged.CompanyAsync(admin, $"Other {Guid.NewGuid():N}"));

        var response = await admin.PutAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}", new
        {
            leads = new[] { new { contactId = stranger, role = "IT" } },
            ifuDeliveredOn = PlanArranged.Today(app),
            accessGrantedOn = PlanArranged.Today(app).AddDays(3),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("leads[0].contactId", out _));
        Assert.True(errors.TryGetProperty("ifuReference", out _));
        Assert.True(errors.TryGetProperty("accessGrantedOn", out _));
    }

    [Fact]
    public async Task A_signed_revision_is_refused_for_editing_and_an_edit_after_signing_starts_a_new_revision_needing_new_signatures()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin);
        var today = PlanArranged.Today(app);
        var first = await PutAsync(admin, arranged.Plan, new { successMetrics = PlanArranged.Metrics, milestones = new[] { new { title = "Go-live", dueOn = today.AddDays(30) } } });
        var milestone = first.GetProperty("milestones")[0].GetProperty("id").GetGuid();

        var sign = await admin.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/sign", new { password = SanusApp.AdminPassword, meaning = "approver" });
        Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
        var customer = await admin.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signature", new { signerName = "Dr. Ana Ruiz", signedOn = today });
        Assert.Equal(HttpStatusCode.Created, customer.StatusCode);
        var signed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}");
        Assert.True(signed.GetProperty("signedByUs").GetBoolean());
        Assert.True(signed.GetProperty("signedByCustomer").GetBoolean());

        // Marking a milestone done is progress, not an edit of what was signed.
        var done = await admin.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/milestones/{milestone}/done", new { doneOn = today });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(1, (await done.Json()).GetProperty("revision").GetInt32());

        var change = new { successMetrics = PlanArranged.Metrics + "; 200 cases planned", milestones = (object?)null };
        var refused = await admin.PutAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}", change);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}");
        Assert.Equal(PlanArranged.Metrics, unchanged.GetProperty("successMetrics").GetString());
        Assert.Equal(1, unchanged.GetProperty("revision").GetInt32());

        var second = await PutAsync(admin, arranged.Plan, new { change.successMetrics, startNewRevision = true });
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.False(second.GetProperty("signedByUs").GetBoolean());
        Assert.False(second.GetProperty("signedByCustomer").GetBoolean());
        var old = Assert.Single(second.GetProperty("signatures").EnumerateArray());
        Assert.Equal(1, old.GetProperty("recordRevision").GetInt32());
        Assert.Equal(1, Assert.Single(second.GetProperty("customerSignatures").EnumerateArray()).GetProperty("revision").GetInt32());

        // Revision 2 is editable until it is signed, and takes its own signature.
        await PutAsync(admin, arranged.Plan, new { successMetrics = change.successMetrics + "." });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/sign", new { password = SanusApp.AdminPassword, meaning = "signer" })).StatusCode);
        var resigned = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}");
        Assert.True(resigned.GetProperty("signedByUs").GetBoolean());
        Assert.Equal([1, 2], resigned.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("recordRevision").GetInt32()).ToArray());
        var stored = await app.WithDb(db => Signing.ForRecordAsync(db, ImplementationPlan.RecordKind, arranged.Plan));
        Assert.Equal(resigned.GetProperty("contentHash").GetString(), stored[^1].ContentHash);
    }

    [Fact]
    public async Task A_wrong_password_on_plan_signing_is_refused_and_audited()
    {
        var admin = await app.ApiAsAdmin();
        var arranged = await PlanArranged.CreateAsync(app, admin);
        var manager = await app.CreateUserAsync(roles: "Sales Manager");
        var api = await app.ApiAs(manager.Email!);

        var response = await api.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/sign", new { password = "not-my-password", meaning = "approver" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("password", out _));
        var audited = await app.WithDb(db => db.AuditEntries.Where(e => e.Entity == ImplementationPlan.RecordKind && e.EntityId == arranged.Plan.ToString()).ToListAsync());
        var failure = Assert.Single(audited, e => e.Action == Signing.SignatureFailed);
        Assert.Equal(manager.Id, failure.UserId);
        Assert.Empty(await app.WithDb(db => Signing.ForRecordAsync(db, ImplementationPlan.RecordKind, arranged.Plan)));
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{arranged.Plan}")).GetProperty("signedByUs").GetBoolean());
    }

    [Fact]
    public async Task Another_partners_user_gets_not_found_and_writes_need_the_deals_capability()
    {
        var admin = await app.ApiAsAdmin();
        var distributor = await PlanArranged.CompanyAsync(admin, $"Iberia Ortho {Guid.NewGuid():N}", "distributor");
        var otherDistributor = await PlanArranged.CompanyAsync(admin, $"Levante Med {Guid.NewGuid():N}", "distributor");
        var own = await PlanArranged.CreateAsync(app, admin, distributor);
        var others = await PlanArranged.CreateAsync(app, admin, otherDistributor);
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var api = await app.ApiAs(partner.Email!);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/implementation-plans/{own.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/implementation-plans/{others.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/implementation-plans/{others.Plan}", new { successMetrics = "mine now" })).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans?dealId={others.Deal}")).EnumerateArray());

        var session = await TrainingTests.CreateSessionAsync(admin, new { kind = "individual", title = "Planning basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, planIds = new[] { others.Plan } });
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/trainings/{session}")).StatusCode);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonElement>("/api/v1/trainings")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == session);

        var engineer = await app.CreateUserAsync(roles: "Field Service Engineer");
        var readOnly = await app.ApiAs(engineer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/implementation-plans/{own.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PutAsJsonAsync($"/api/v1/implementation-plans/{own.Plan}", new { successMetrics = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_customers_signed_scan_is_kept_once_and_served_only_in_scope()
    {
        var admin = await app.ApiAsAdmin();
        var distributor = await PlanArranged.CompanyAsync(admin, $"Iberia Ortho {Guid.NewGuid():N}", "distributor");
        var arranged = await PlanArranged.CreateAsync(app, admin);
        var recorded = await admin.PostAsJsonAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signature", new { signerName = "Dr. Ana Ruiz", signedOn = PlanArranged.Today(app) });
        var signature = (await recorded.Json()).GetProperty("id").GetGuid();
        var bytes = "%PDF-1.7 signed plan"u8.ToArray();

        var upload = await admin.PostAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signatures/{signature}/file", Scan(bytes));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signatures/{signature}/file", Scan([1, 2, 3]))).StatusCode);

        var download = await admin.GetAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signatures/{signature}/file");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs(partner.Email!)).GetAsync($"/api/v1/implementation-plans/{arranged.Plan}/customer-signatures/{signature}/file")).StatusCode);
    }

    private static MultipartFormDataContent Scan(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "signed-plan.pdf" } };
    }

    private static JsonElement Item(JsonElement plan, string key) =>
        plan.GetProperty("progress").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    private static async Task<string?> SummaryAsync(HttpClient api, Guid plan) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/implementation-plans/{plan}")).GetProperty("progress").GetProperty("summary").GetString();

    private static async Task<JsonElement> PutAsync(HttpClient api, Guid plan, object input)
    {
        var response = await api.PutAsJsonAsync($"/api/v1/implementation-plans/{plan}", input);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }
}
