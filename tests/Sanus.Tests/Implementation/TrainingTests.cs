using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Implementation;

/// <summary>IMP-2 training sessions over the API: kinds, attendees, and assessments against the pass mark.</summary>
public sealed class TrainingTests(SanusApp app) : IClassFixture<SanusApp>
{
    private static readonly bool[] FailPassPass = [false, true, true];

    [Fact]
    public async Task With_the_default_pass_mark_of_80_a_score_of_79_fails_and_80_and_81_pass()
    {
        var admin = await app.ApiAsAdmin();
        var company = await PlanArranged.CompanyAsync(admin, $"Clinica Norte {Guid.NewGuid():N}");
        var session = await CreateSessionAsync(admin, new { kind = "individual", title = "Planning basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, companyIds = new[] { company } });

        Assert.Equal(80, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/{session}")).GetProperty("passMark").GetInt32());
        Assert.Equal(FailPassPass, await AssessAsync(admin, session, company, 79, 80, 81));
    }

    [Fact]
    public async Task A_session_specific_pass_mark_decides_instead_of_the_default()
    {
        var admin = await app.ApiAsAdmin();
        var company = await PlanArranged.CompanyAsync(admin, $"Clinica Sur {Guid.NewGuid():N}");
        var session = await CreateSessionAsync(admin, new
        {
            kind = "webinar",
            title = "Monthly planning webinar",
            scheduledAt = app.Clock.GetUtcNow().UtcDateTime,
            recurrence = "first Tuesday of each month",
            passMark = 70,
            companyIds = new[] { company },
            materials = new[] { new { title = "Slides", url = "https://osteon.example/webinars/slides.pdf" } },
        });

        Assert.Equal(FailPassPass, await AssessAsync(admin, session, company, 69, 70, 71));

        // Once attendees are assessed, the pass mark stays what they were assessed against.
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/{session}");
        var change = await admin.PutAsJsonAsync($"/api/v1/trainings/{session}", new { kind = "webinar", title = "Monthly planning webinar", scheduledAt = stored.GetProperty("scheduledAt").GetDateTime(), passMark = 90, companyIds = new[] { company } });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        var summary = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainings?companyId={company}")).EnumerateArray());
        Assert.Equal((3, 2), (summary.GetProperty("attended").GetInt32(), summary.GetProperty("passed").GetInt32()));
    }

    [Fact]
    public async Task An_individual_session_is_for_one_company_only_webinars_repeat_and_scores_are_0_to_100()
    {
        var admin = await app.ApiAsAdmin();
        var first = await PlanArranged.CompanyAsync(admin, $"Clinica Este {Guid.NewGuid():N}");
        var second = await PlanArranged.CompanyAsync(admin, $"Clinica Oeste {Guid.NewGuid():N}");

        var refused = await admin.PostAsJsonAsync("/api/v1/trainings", new { kind = "individual", title = "Basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, recurrence = "weekly", companyIds = new[] { first, second } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("companyIds", out _));
        Assert.True(errors.TryGetProperty("recurrence", out _));

        var session = await CreateSessionAsync(admin, new { kind = "webinar", title = "Open webinar", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, companyIds = new[] { first, second } });
        var stranger = await PlanArranged.ContactAsync(admin, await PlanArranged.CompanyAsync(admin, $"Not invited {Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/trainings/{session}/attendees", new { contactId = stranger })).StatusCode);
        var attendee = await PlanArranged.ContactAsync(admin, second);
        await AddAttendeeAsync(admin, session, attendee);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/trainings/{session}/attendees/{attendee}/assessment", new { score = 101 })).StatusCode);
    }

    [Fact]
    public async Task On_a_shared_webinar_a_partner_sees_only_their_own_customers_and_attendees()
    {
        var admin = await app.ApiAsAdmin();
        var distributor = await PlanArranged.CompanyAsync(admin, $"Iberia Ortho {Guid.NewGuid():N}", "distributor");
        var ownCustomer = await PlanArranged.CompanyAsync(admin, $"Hospital Norte {Guid.NewGuid():N}");
        var otherCustomer = await PlanArranged.CompanyAsync(admin, $"Hospital Sur {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{distributor}/relationships", new { toCompanyId = ownCustomer, type = "distributor-of" })).StatusCode);
        var session = await CreateSessionAsync(admin, new { kind = "webinar", title = "Quarterly webinar", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, companyIds = new[] { ownCustomer, otherCustomer } });
        var ownContact = await PlanArranged.ContactAsync(admin, ownCustomer, "Marta");
        var otherContact = await PlanArranged.ContactAsync(admin, otherCustomer, "Pedro");
        await AddAttendeeAsync(admin, session, ownContact);
        await AddAttendeeAsync(admin, session, otherContact);
        var partner = await app.CreateUserAsync(partnerCompanyId: distributor, roles: "Channel Partner");
        var api = await app.ApiAs(partner.Email!);

        var seen = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/{session}");
        Assert.Equal(ownContact, Assert.Single(seen.GetProperty("attendees").EnumerateArray()).GetProperty("contactId").GetGuid());
        Assert.Equal(ownCustomer, Assert.Single(seen.GetProperty("companies").EnumerateArray()).GetProperty("companyId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/trainings/{session}/attendees/{otherContact}/assessment", new { score = 90 })).StatusCode);
    }

    [Fact]
    public async Task A_material_can_be_a_file_kept_with_the_session_but_not_another_records_file()
    {
        var admin = await app.ApiAsAdmin();
        var company = await PlanArranged.CompanyAsync(admin, $"Clinica Mar {Guid.NewGuid():N}");
        var session = await CreateSessionAsync(admin, new { kind = "individual", title = "Basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, companyIds = new[] { company } });
        var bytes = "%PDF-1.7 slides"u8.ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");

        var uploaded = await admin.PostAsync($"/api/v1/trainings/{session}/materials/file", new MultipartFormDataContent { { file, "file", "slides.pdf" }, { new StringContent("Slides"), "title" } });
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var material = Assert.Single((await uploaded.Json()).GetProperty("materials").EnumerateArray());
        Assert.Equal("Slides", material.GetProperty("title").GetString());
        var download = await admin.GetAsync($"/api/v1/trainings/{session}/materials/{material.GetProperty("id").GetGuid()}/file");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/{session}");
        var borrowed = await admin.PutAsJsonAsync($"/api/v1/trainings/{session}", new
        {
            kind = "individual",
            title = "Basics",
            scheduledAt = stored.GetProperty("scheduledAt").GetDateTime(),
            companyIds = new[] { company },
            materials = new[] { new { title = "Slides", fileId = material.GetProperty("fileId").GetGuid() }, new { title = "Someone else's", fileId = Guid.NewGuid() } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
        Assert.True((await borrowed.Json()).GetProperty("errors").TryGetProperty("materials[1].fileId", out _));
    }

    internal static async Task<Guid> CreateSessionAsync(HttpClient api, object session)
    {
        var response = await api.PostAsJsonAsync("/api/v1/trainings", session);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    internal static async Task AddAttendeeAsync(HttpClient api, Guid session, Guid contact)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/trainings/{session}/attendees", new { contactId = contact });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Invites one new contact of the company per score, assesses each, and returns whether each passed.</summary>
    private static async Task<bool[]> AssessAsync(HttpClient api, Guid session, Guid company, params int[] scores)
    {
        var passed = new List<bool>();
        foreach (var score in scores)
        {
            var contact = await PlanArranged.ContactAsync(api, company, $"Score{score}");
            await AddAttendeeAsync(api, session, contact);
            var response = await api.PutAsJsonAsync($"/api/v1/trainings/{session}/attendees/{contact}/assessment", new { score });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var attendee = await response.Json();
            Assert.Equal(score, attendee.GetProperty("score").GetInt32());
            Assert.True(attendee.GetProperty("attended").GetBoolean());
            passed.Add(attendee.GetProperty("passed").GetBoolean());
        }

        return [.. passed];
    }
}

/// <summary>The pass mark new sessions get is configuration (<c>Sanus:TrainingPassMark</c>).</summary>
public sealed class TrainingPassMarkSettingTests(TrainingPassMarkSettingTests.App app) : IClassFixture<TrainingPassMarkSettingTests.App>
{
    public sealed class App : SanusApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sanus:TrainingPassMark"] = "90" };
    }

    [Fact]
    public async Task A_configured_pass_mark_is_what_new_sessions_get()
    {
        var admin = await app.ApiAsAdmin();
        var company = await PlanArranged.CompanyAsync(admin, $"Clinica Centro {Guid.NewGuid():N}");
        var session = await TrainingTests.CreateSessionAsync(admin, new { kind = "individual", title = "Basics", scheduledAt = app.Clock.GetUtcNow().UtcDateTime, companyIds = new[] { company } });

        Assert.Equal(90, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainings/{session}")).GetProperty("passMark").GetInt32());
    }
}
