using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Deals;

/// <summary>DL-1..DL-7, CT-2, CO-4, ACM-3: naming, gates, lost is final, new from lost, come-back task, owner suggestion, automatic statuses.</summary>
public sealed class DealTests(SanusApp app) : IClassFixture<SanusApp>
{
    private sealed record Arranged(HttpClient Client, Guid Company, string CompanyName, Guid Contact);

    private async Task<Arranged> ArrangeAsync()
    {
        var client = await app.ApiAsAdmin();
        var name = "Sanitas Hospitales " + Guid.NewGuid().ToString("N")[..6];
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany(name))).Json()).GetProperty("id").GetGuid();
        var contact = (await (await client.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ana", lastName = "Ruiz", email = $"ana.{Guid.NewGuid():N}@sanitas.example", jobTitle = "CMO", companyIds = new[] { company } })).Json()).GetProperty("id").GetGuid();
        return new Arranged(client, company, name, contact);
    }

    private static async Task<JsonElement> CreateDeal(Arranged a, string description = "Proof of Concept", object? extra = null)
    {
        var response = await a.Client.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = a.Company,
            description,
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            amount = 48000.50m,
            currency = "EUR",
            contactIds = new[] { a.Contact },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private static Task<HttpResponseMessage> Move(Arranged a, Guid deal, string stage) =>
        a.Client.PostAsJsonAsync($"/api/v1/deals/{deal}/move", new { stage });

    private static Task<HttpResponseMessage> Update(Arranged a, Guid deal, JsonElement current, object changes)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        foreach (var property in changes.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(changes);
        }

        return a.Client.PutAsJsonAsync($"/api/v1/deals/{deal}", body);
    }

    [Fact]
    public async Task Name_is_built_from_country_company_and_description_and_follows_renames()
    {
        var a = await ArrangeAsync();
        var deal = await CreateDeal(a);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal($"ES {a.CompanyName} Proof of Concept", deal.GetProperty("name").GetString());
        Assert.Equal("Prospected", deal.GetProperty("stage").GetString());
        Assert.Equal(48000.50m, deal.GetProperty("amount").GetDecimal());

        await a.Client.PutAsJsonAsync($"/api/v1/companies/{a.Company}", new { name = "Renamed Clinic " + a.CompanyName[^6..], country = "ES", website = $"renamed-{a.CompanyName[^6..]}.example" });
        var renamed = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        Assert.Equal($"ES Renamed Clinic {a.CompanyName[^6..]} Proof of Concept", renamed.GetProperty("name").GetString());

        var changed = await (await Update(a, id, renamed, new { description = "Pilot", country = "PT" })).Json();
        Assert.Equal($"PT Renamed Clinic {a.CompanyName[^6..]} Pilot", changed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Discovered_needs_three_bant_criteria_each_with_a_note()
    {
        var a = await ArrangeAsync();
        var deal = await CreateDeal(a);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Move(a, id, "Qualified")).StatusCode);
        deal = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        await Update(a, id, deal, new { budgetConfirmed = true, budgetNote = "€50k approved", needConfirmed = true, needNote = "Backlog of 400 scans", authorityConfirmed = true, authorityNote = "" });

        var refused = await Move(a, id, "Discovered");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var missing = (await refused.Json()).GetProperty("missing")[0].GetString()!;
        Assert.Contains("2 confirmed", missing, StringComparison.Ordinal);
        Assert.Contains("Authority", missing, StringComparison.Ordinal);
        Assert.Contains("Timeline", missing, StringComparison.Ordinal);

        deal = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        await Update(a, id, deal, new { authorityNote = "The CMO signs" });
        Assert.Equal(HttpStatusCode.OK, (await Move(a, id, "Discovered")).StatusCode);
    }

    [Fact]
    public async Task Skipping_stages_checks_every_gate_on_the_way_and_names_each_missing_fact()
    {
        var a = await ArrangeAsync();
        var id = (await CreateDeal(a)).GetProperty("id").GetGuid();

        var refused = await Move(a, id, "Offer Sent");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var missing = (await refused.Json()).GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(missing, m => m.StartsWith("Discovered needs", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("implementation method", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("success metrics", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("pricing basis", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("timeline", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("quotation issued", StringComparison.Ordinal));
        var still = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        Assert.Equal("Prospected", still.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Lost_is_final_creates_a_come_back_task_and_a_new_deal_can_start_from_it()
    {
        var a = await ArrangeAsync();
        var deal = await CreateDeal(a);
        var id = deal.GetProperty("id").GetGuid();

        var noReason = await a.Client.PostAsJsonAsync($"/api/v1/deals/{id}/lose", new { notes = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var comeBack = DateOnly.FromDateTime(DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc)).AddMonths(6);
        var lost = await a.Client.PostAsJsonAsync($"/api/v1/deals/{id}/lose", new { reason = "price", notes = "Went with a cheaper local supplier", comeBackOn = comeBack, requestFeedback = true });
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var lostDeal = await lost.Json();
        Assert.Equal($"Lost ES {a.CompanyName} Proof of Concept", lostDeal.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Move(a, id, "Qualified")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Update(a, id, lostDeal, new { description = "Resurrected" })).StatusCode);
        var task = await app.WithDb(db => Task.FromResult(db.Set<Sanus.Web.Features.Tasks.TaskItem>().Single(t => t.DealId == id)));
        Assert.Equal(comeBack, DateOnly.FromDateTime(task.DueAt));
        Assert.Contains(a.CompanyName, task.Title, StringComparison.Ordinal);

        var started = await a.Client.PostAsync($"/api/v1/deals/{id}/start-new", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var fresh = await started.Json();
        Assert.Equal("Prospected", fresh.GetProperty("stage").GetString());
        Assert.Equal(id, fresh.GetProperty("startedFromLostDealId").GetGuid());
        Assert.Equal($"ES {a.CompanyName} Proof of Concept", fresh.GetProperty("name").GetString());
        Assert.Equal([a.Contact], fresh.GetProperty("contactIds").EnumerateArray().Select(c => c.GetGuid()));
    }

    [Fact]
    public async Task Contact_lifecycle_and_company_lead_status_follow_the_deal_and_never_go_back()
    {
        var a = await ArrangeAsync();
        var id = (await CreateDeal(a)).GetProperty("id").GetGuid();
        var company = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{a.Company}");
        Assert.Equal("Open deal", company.GetProperty("leadStatus").GetString());

        await Move(a, id, "Qualified");
        Assert.Equal("Sales Qualified Lead", (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{a.Contact}")).GetProperty("lifecycleStage").GetString());

        var deal = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        await Update(a, id, deal, new { budgetConfirmed = true, budgetNote = "ok", authorityConfirmed = true, authorityNote = "ok", needConfirmed = true, needNote = "ok" });
        await Move(a, id, "Discovered");
        Assert.Equal("Opportunity", (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{a.Contact}")).GetProperty("lifecycleStage").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Move(a, id, "Qualified")).StatusCode);
        Assert.Equal("Opportunity", (await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{a.Contact}")).GetProperty("lifecycleStage").GetString());

        var stages = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}/stages");
        Assert.Equal(["Prospected", "Qualified", "Discovered", "Qualified"], stages.EnumerateArray().Select(s => s.GetProperty("toStage").GetString()));
    }

    [Fact]
    public async Task Owner_suggestion_prefers_the_lightest_pipeline_in_the_class()
    {
        var a = await ArrangeAsync();
        var busy = await app.CreateUserAsync(roles: "Business Development");
        var free = await app.CreateUserAsync(roles: "Business Development");
        var elsewhere = await app.CreateUserAsync(roles: "Business Development");
        const string dealClass = "pharma-clinical-trials";
        await app.WithDb(async db =>
        {
            db.AddRange(
                new Sanus.Web.Features.Deals.OwnerCoverage { UserId = busy.Id, DealClass = dealClass },
                new Sanus.Web.Features.Deals.OwnerCoverage { UserId = free.Id, DealClass = dealClass },
                new Sanus.Web.Features.Deals.OwnerCoverage { UserId = elsewhere.Id, DealClass = "insurer" });
            return await db.SaveChangesAsync();
        });
        await a.Client.PostAsJsonAsync("/api/v1/deals", new { companyId = a.Company, description = "Trial reads", dealClass, origin = "outreach", amount = 1000m, ownerId = busy.Id });

        var candidates = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/owner-candidates?dealClass={dealClass}");

        var list = candidates.EnumerateArray().ToList();
        Assert.Equal([free.Id, busy.Id], list.Select(c => c.GetProperty("userId").GetString()));
        Assert.True(list[0].GetProperty("suggested").GetBoolean());
        var unowned = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals?unowned=true&companyId={a.Company}");
        Assert.DoesNotContain(unowned.GetProperty("items").EnumerateArray(), d => d.GetProperty("ownerId").GetString() == busy.Id);
    }

    [Fact]
    public async Task Board_counts_totals_and_weights_per_column()
    {
        var a = await ArrangeAsync();
        await CreateDeal(a, "Board one");
        await CreateDeal(a, "Board two");

        var board = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/board?companyId={a.Company}&perColumn=1");

        var prospected = board.EnumerateArray().Single(c => c.GetProperty("stage").GetString() == "Prospected");
        Assert.Equal(2, prospected.GetProperty("count").GetInt32());
        var total = Assert.Single(prospected.GetProperty("totals").EnumerateArray());
        Assert.Equal(96001.00m, total.GetProperty("amount").GetDecimal());
        Assert.Equal(4800.05m, total.GetProperty("weighted").GetDecimal());
        Assert.Single(prospected.GetProperty("cards").EnumerateArray());
        var more = await a.Client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/board/Prospected?companyId={a.Company}&cursor={prospected.GetProperty("nextCursor").GetString()}");
        Assert.Single(more.GetProperty("items").EnumerateArray());
    }
}
