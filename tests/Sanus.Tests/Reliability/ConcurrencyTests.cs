using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using static Sanus.Tests.Imports.ImportClient;

namespace Sanus.Tests.Reliability;

/// <summary>Issue 7 (concurrency), REC-2, DL-4, CT-3: what many people doing the same thing at once must never break.</summary>
public sealed class ConcurrencyTests(SanusApp app) : IClassFixture<SanusApp>
{
    private async Task<(HttpClient Client, Guid Company, Guid Deal)> DealAsync()
    {
        var client = await app.ApiAsAdmin();
        var company = (await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany())).Json()).GetProperty("id").GetGuid();
        var deal = await (await client.PostAsJsonAsync("/api/v1/deals", new
        {
            companyId = company,
            description = "Concurrency " + Unique(),
            dealClass = "care-inpatient-private-for-profit",
            origin = "inbound-enquiry",
            amount = 1000m,
            currency = "EUR",
        })).Json();
        return (client, company, deal.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Fifty_parallel_updates_of_one_version_let_exactly_one_through_and_answer_412_to_the_rest()
    {
        var (client, company, deal) = await DealAsync();
        var current = await client.GetAsync($"/api/v1/deals/{deal}");
        var etag = current.Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/deals/{deal}")
            {
                Content = JsonContent.Create(new { companyId = company, description = $"Writer {i}", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 1000m + i, currency = "EUR" }),
            };
            request.Headers.IfMatch.ParseAdd(etag);
            return client.SendAsync(request);
        }));

        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == 200));
        Assert.Equal(49, codes.Count(c => c == 412));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Json();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}");
        Assert.Equal(winner.GetProperty("description").GetString(), stored.GetProperty("description").GetString());
        Assert.Equal(winner.GetProperty("amount").GetDecimal(), stored.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Parallel_stage_moves_never_skip_a_gate_nor_record_a_move_twice()
    {
        var (client, _, deal) = await DealAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/deals/{deal}/move", new { stage = "Qualified" })).StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        foreach (var (criterion, note) in new[] { ("budget", "€50k"), ("authority", "CMO signs"), ("need", "Backlog") })
        {
            body[criterion + "Confirmed"] = true;
            body[criterion + "Note"] = note;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/deals/{deal}", body)).StatusCode);

        // Discovered's gate is met, Implementation Defined's and everything after are not.
        var targets = Enumerable.Range(0, 30).Select(i => (i % 3) switch { 0 => "Discovered", 1 => "Implementation Defined", _ => "Offer Sent" }).ToList();
        var responses = await Task.WhenAll(targets.Select(stage => client.PostAsJsonAsync($"/api/v1/deals/{deal}/move", new { stage })));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        foreach (var (stage, response) in targets.Zip(responses))
        {
            if (stage != "Discovered")
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            }
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}");
        Assert.Equal("Discovered", stored.GetProperty("stage").GetString());
        var moves = await app.WithDb(db => db.Set<DealStageChange>().Where(c => c.DealId == deal).Select(c => c.ToStage).ToListAsync());
        Assert.Equal(1, moves.Count(s => s == "Discovered"));
        Assert.DoesNotContain("Implementation Defined", moves);
    }

    [Fact]
    public async Task Parallel_imports_of_overlapping_files_never_create_duplicate_contacts()
    {
        var client = await app.ApiAsAdmin();
        var u = Unique();
        var company = Api.NewCompany("Overlap Clinic " + u);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/companies", company)).StatusCode);
        string Csv(int from, int to) => "First name,Last name,Email,Job title,Company\n" + string.Join('\n',
            Enumerable.Range(from, to - from).Select(i => $"Nurse{i},P{u},nurse{i}.{u}@overlap.example,Nurse,Overlap Clinic {u}")) + "\n";

        var files = new[] { Csv(0, 60), Csv(30, 90), Csv(0, 90) };
        var jobs = new List<Guid>();
        foreach (var csv in files)
        {
            jobs.Add((await UploadCsvAsync(client, "contacts", csv)).Id());
        }

        var outcomes = await Task.WhenAll(jobs.Select(id => RunAsync(client, id)));

        Assert.All(outcomes, job => Assert.True(job.GetProperty("status").GetString() is "succeeded" or "failed"));
        Assert.Contains(outcomes, job => job.GetProperty("status").GetString() == "succeeded");
        var emails = await app.WithDb(db => db.Set<Contact>().IgnoreQueryFilters().Where(c => c.Email.EndsWith($".{u}@overlap.example")).Select(c => c.Email).ToListAsync());
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(90, emails.Count);
    }
}
