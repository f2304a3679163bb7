using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;
using static Sanus.Tests.Inquiries.InquiryArrange;

namespace Sanus.Tests.Inquiries;

/// <summary>INQ-1 (GP-009 "Pre-sales"): the deal owner answers directly or through the Project Manager; every hand-over recorded; one answer.</summary>
public sealed class PreSalesQuestionTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task The_deal_owner_answers_directly_and_the_customer_gets_that_one_answer()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync();
        var logged = await OkAsync(a.Owner.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("With deal owner", logged.GetProperty("status").GetString());
        Assert.Equal(a.OwnerId, logged.GetProperty("assigneeId").GetString());
        Assert.Contains("answer", logged.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()));

        var answered = await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Yes, from version 3.2 on." }));

        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal("Yes, from version 3.2 on.", answered.GetProperty("answer").GetString());
        Assert.Equal(["received", "answer"], Actions(answered));
        var step = answered.GetProperty("steps")[1];
        Assert.Equal(a.OwnerId, step.GetProperty("byUserId").GetString());
        Assert.Equal(a.ContactName, step.GetProperty("to").GetString());
        Assert.Empty(answered.GetProperty("allowedActions").EnumerateArray());

        var again = await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Also 3.1." }));
        Assert.Contains("exactly one answer", again.Single(), StringComparison.Ordinal);
        await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { answer = "Also 3.1." }));
        var stored = await OkAsync(a.Owner.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("Yes, from version 3.2 on.", stored.GetProperty("answer").GetString());
        Assert.Equal(2, stored.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task An_escalated_question_goes_through_the_project_manager_and_back_with_every_hand_over_recorded_in_order()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync("Can the reports be exported to our PACS in DICOM SR?");

        await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "They run Agfa PACS; tender closes in May." }));
        var mine = (await a.Pm.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/inquiries?assignedToMe=true")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
        Assert.Contains(id, mine);
        await OkAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "Design and development", person = "Katrin Weber", note = "DICOM SR export is on the 3.3 roadmap." }));
        await OkAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "Regulatory", note = "No change to the intended use." }));
        var proposed = await OkAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/propose", new { answer = "Yes, with release 3.3 in June." }));
        Assert.Equal("Answer proposed", proposed.GetProperty("status").GetString());
        Assert.Equal(a.OwnerId, proposed.GetProperty("assigneeId").GetString());

        var sent = await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { answer = "Yes: DICOM SR export ships with release 3.3 in June." }));

        Assert.Equal("Answered", sent.GetProperty("status").GetString());
        Assert.Equal("Yes: DICOM SR export ships with release 3.3 in June.", sent.GetProperty("answer").GetString());
        Assert.Equal("Yes, with release 3.3 in June.", sent.GetProperty("proposedAnswer").GetString());
        Assert.Equal(["received", "escalate", "consult", "consult", "propose", "send"], Actions(sent));
        var steps = sent.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(s => s.GetProperty("seq").GetInt32()));
        Assert.Equal((a.OwnerId, a.PmId), (steps[1].GetProperty("fromUserId").GetString(), steps[1].GetProperty("toUserId").GetString()));
        Assert.Equal("They run Agfa PACS; tender closes in May.", steps[1].GetProperty("note").GetString());
        Assert.Equal("Katrin Weber (Design and development)", steps[2].GetProperty("to").GetString());
        Assert.Equal(a.PmId, steps[2].GetProperty("byUserId").GetString());
        Assert.Equal("Regulatory", steps[3].GetProperty("department").GetString());
        Assert.Equal((a.PmId, a.OwnerId), (steps[4].GetProperty("fromUserId").GetString(), steps[4].GetProperty("toUserId").GetString()));
        Assert.Equal(a.OwnerId, steps[5].GetProperty("byUserId").GetString());
        Assert.Equal(a.ContactName, steps[5].GetProperty("to").GetString());
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.GetProperty("at").GetDateTime() <= p.Second.GetProperty("at").GetDateTime()));

        await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { answer = "Correction." }));
        await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Correction." }));
    }

    [Fact]
    public async Task Actions_out_of_turn_are_refused_naming_what_must_happen_first()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync();

        Assert.Contains("escalate", (await RefusedAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "IT", note = "x" }))).Single(), StringComparison.Ordinal);
        Assert.Contains("escalate", (await RefusedAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/propose", new { answer = "x" }))).Single(), StringComparison.Ordinal);
        Assert.Contains("propose an answer first", (await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { answer = "x" }))).Single(), StringComparison.Ordinal);
        Assert.Contains("deal owner answers", (await RefusedAsync(a.Csm.PostAsJsonAsync($"/api/v1/inquiries/{id}/triage", new { outcome = "answered", answer = "x" }))).Single(), StringComparison.Ordinal);

        await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "Needs the PM." }));

        Assert.Contains("Project Manager must propose", (await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "x" }))).Single(), StringComparison.Ordinal);
        Assert.Contains("Project Manager must propose", (await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { answer = "x" }))).Single(), StringComparison.Ordinal);
        await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "Again." }));

        await OkAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/propose", new { answer = "Proposed." }));
        Assert.Contains("reviews it and sends it", (await RefusedAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "IT", note = "late" }))).Single(), StringComparison.Ordinal);
        var stored = await OkAsync(a.Owner.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal(["received", "escalate", "propose"], Actions(stored));
    }

    [Fact]
    public async Task The_wrong_person_or_capability_is_forbidden()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync();
        var otherSeller = await a.ClientWithRoleAsync("Business Development");
        var otherPm = await a.ClientWithRoleAsync("Project Manager");
        var engineer = await a.ClientWithRoleAsync("Field Service Engineer");

        // Another seller holds deals.edit but is not the deal owner; the PM and the engineer lack the capability.
        await StatusAsync(HttpStatusCode.Forbidden, otherSeller.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "x" }));
        await StatusAsync(HttpStatusCode.Forbidden, a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "x" }));
        await StatusAsync(HttpStatusCode.Forbidden, otherSeller.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "x" }));
        await StatusAsync(HttpStatusCode.Forbidden, engineer.PostAsJsonAsync("/api/v1/inquiries/pre-sales", new { dealId = a.Deal, contactId = a.Contact, question = "x" }));
        var notAPm = await a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.OwnerId, context = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, notAPm.StatusCode);
        Assert.True((await notAPm.Json()).GetProperty("errors").TryGetProperty("projectManagerId", out _));

        await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/escalate", new { projectManagerId = a.PmId, context = "Needs the PM." }));

        await StatusAsync(HttpStatusCode.Forbidden, otherPm.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "IT", note = "x" }));
        await StatusAsync(HttpStatusCode.Forbidden, otherPm.PostAsJsonAsync($"/api/v1/inquiries/{id}/propose", new { answer = "x" }));
        await StatusAsync(HttpStatusCode.Forbidden, engineer.PostAsJsonAsync($"/api/v1/inquiries/{id}/consult", new { department = "IT", note = "x" }));
        await OkAsync(a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/propose", new { answer = "Proposed." }));
        await StatusAsync(HttpStatusCode.Forbidden, otherSeller.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { }));
        await StatusAsync(HttpStatusCode.Forbidden, a.Pm.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { }));

        // The deal owner sends the proposed answer unchanged.
        var sent = await OkAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/send", new { }));
        Assert.Equal("Proposed.", sent.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Asking_for_email_without_smtp_is_refused_and_records_nothing()
    {
        var a = await CreateAsync(app);
        var id = await a.QuestionAsync();

        var refused = await RefusedAsync(a.Owner.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "Yes.", email = true }));

        Assert.Contains("Smtp:Host", refused.Single(), StringComparison.Ordinal);
        var stored = await OkAsync(a.Owner.GetAsync($"/api/v1/inquiries/{id}"));
        Assert.Equal("With deal owner", stored.GetProperty("status").GetString());
        Assert.Equal(["received"], Actions(stored));
    }

    [Fact]
    public async Task A_question_needs_a_contact_of_the_deal_and_no_future_receipt()
    {
        var a = await CreateAsync(app);
        var stranger = (await Activities.Arranged.NewContactAsync(a.Admin, a.Company)).Id;

        var response = await a.Owner.PostAsJsonAsync("/api/v1/inquiries/pre-sales", new
        {
            dealId = a.Deal,
            contactId = stranger,
            question = "",
            receivedAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(2),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("contactId", out _));
        Assert.True(errors.TryGetProperty("question", out _));
        Assert.True(errors.TryGetProperty("receivedAt", out _));
    }
}
