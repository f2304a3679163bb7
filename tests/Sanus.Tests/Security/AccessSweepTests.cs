using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Security;

/// <summary>
/// Issue 7 (security), ACC-2, ACC-3: every API route tried as a signed-in user without capabilities and as a
/// channel partner holding another partner's ids. Writes need a capability; another partner's records are never
/// answered with data.
/// </summary>
public sealed class AccessSweepTests(SanusApp app) : IClassFixture<SanusApp>
{
    /// <summary>Writes any signed-in user may make on their own things: tokens, saved views, their sign-in.</summary>
    private static readonly HashSet<string> SelfService =
    [
        "POST /api/v1/auth/token", "POST /api/v1/auth/tokens", "DELETE /api/v1/auth/tokens/{id:guid}",
        "POST /api/v1/views/", "DELETE /api/v1/views/{id:guid}",
    ];

    /// <summary>
    /// Writes whose right depends on the record, so the use case decides: a post-sales inquiry may be logged by whoever
    /// logs activities or triages, and a routed inquiry is answered by the person it was routed to, whatever they hold.
    /// </summary>
    private static readonly HashSet<string> GuardedByTheUseCase =
    [
        "POST /api/v1/inquiries/post-sales", "POST /api/v1/inquiries/{id:guid}/answer",
    ];

    [Fact]
    public async Task Every_write_needs_a_capability_and_a_user_without_it_gets_403()
    {
        var endpoints = ApiEndpoint.All(app);
        var unguarded = endpoints.Where(e => e.IsWrite && e.Capability is null && !SelfService.Contains(e.ToString()) && !GuardedByTheUseCase.Contains(e.ToString())).ToList();
        Assert.Empty(unguarded);

        var nobody = await app.CreateUserAsync();
        var client = await app.ApiAs(nobody.Email!);
        var answered = new List<string>();
        foreach (var endpoint in endpoints.Where(e => e.Capability is not null || GuardedByTheUseCase.Contains(e.ToString())))
        {
            var response = await client.SendAsync(Request(endpoint, endpoint.Url()));
            var refused = endpoint.Capability is not null
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            if (!refused)
            {
                answered.Add($"{endpoint} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(answered);
    }

    [Fact]
    public async Task A_partner_holding_another_partners_ids_gets_no_data_from_any_route()
    {
        var admin = await app.ApiAsAdmin();
        var tag = "Fremd" + Guid.NewGuid().ToString("N")[..10];
        async Task<Guid> Create(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Json()).GetProperty("id").GetGuid();
        }

        var ownDistributor = await Create("/api/v1/companies?confirm=true", new { name = "Own Distributor " + tag[5..], country = "DE", website = $"own-{Guid.NewGuid():N}.example", kind = "distributor" });
        var otherDistributor = await Create("/api/v1/companies?confirm=true", new { name = tag + " Distributor", country = "DE", website = $"dist-{tag}.example", kind = "distributor" });
        var other = await Create("/api/v1/companies?confirm=true", new { name = tag + " Klinikum", country = "DE", website = $"{tag}.example" });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/companies/{otherDistributor}/relationships", new { toCompanyId = other, type = "distributor-of" })).StatusCode);
        var contact = await Create("/api/v1/contacts", new { firstName = tag, lastName = "Arzt", email = $"{tag}@klinikum.example", jobTitle = "CMO", companyIds = new[] { other } });
        var deal = await Create("/api/v1/deals", new { companyId = other, description = tag + " Pilot", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 1000m, currency = "EUR", contactIds = new[] { contact } });
        var activity = await Create("/api/v1/activities", new { type = "note", direction = "outbound", subject = tag + " note", companyIds = new[] { other }, dealIds = new[] { deal } });
        var task = await Create("/api/v1/tasks", new { title = tag + " task", dueAt = app.Clock.GetUtcNow().AddDays(3), dealId = deal });
        var site = await Create($"/api/v1/companies/{other}/sites", new { name = tag + " Campus", country = "DE" });

        // Issue 6's records on the same deal: a quotation issued and accepted, its contract, a technical question.
        var inAMonth = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(30));
        var quotation = await Create("/api/v1/quotations", new
        {
            dealId = deal,
            template = "clinical-trial",
            validUntil = inAMonth,
            currency = "EUR",
            referenceRegulation = "EU MDR 2017/745",
            lines = new[] { new { description = tag + " site fee", quantity = 1m, unit = "site", unitPrice = 1000m } },
        });
        var issued = await admin.PostAsync($"/api/v1/quotations/{quotation}/issue", null);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var accepted = await admin.PostAsJsonAsync($"/api/v1/quotations/{quotation}/accept", new { decidedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), contactId = contact });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var contract = await Create("/api/v1/contracts", new { quotationId = quotation });
        var inquiry = await Create("/api/v1/inquiries/pre-sales", new { dealId = deal, contactId = contact, question = tag + " does it read DICOM?" });

        var ids = new Dictionary<string, Guid>
        {
            ["companies"] = other,
            ["contacts"] = contact,
            ["deals"] = deal,
            ["activities"] = activity,
            ["tasks"] = task,
            ["sites"] = site,
            ["quotations"] = quotation,
            ["contracts"] = contract,
            ["inquiries"] = inquiry,
        };
        var partnerUser = await app.CreateUserAsync(partnerCompanyId: ownDistributor, roles: "Channel Partner");
        var partner = await app.ApiAs(partnerUser.Email!);
        var leaks = new List<string>();
        foreach (var endpoint in ApiEndpoint.All(app).Where(e => e.ToString() != "POST /api/v1/auth/token"))
        {
            var url = endpoint.Url(ids);
            if (endpoint.Method == "GET" && !endpoint.Route.Contains('{', StringComparison.Ordinal))
            {
                // Lists and searches: filtered by the other partner's ids and words, they must come back without them.
                url += $"?companyId={other}&contactId={contact}&dealId={deal}&q={tag}&entity=Company&id={other}";
            }

            var response = await partner.SendAsync(Request(endpoint, url));
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            // A refusal may echo the path the caller sent (problem details' "instance"), never the record's content.
            var success = status is >= 200 and < 300;
            if (body.Contains(tag, StringComparison.OrdinalIgnoreCase) || (success && ids.Values.Any(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))))
            {
                leaks.Add($"{endpoint} answered {status} with the other partner's data: {body[..Math.Min(body.Length, 300)]}");
            }
            else if (endpoint.Route.Contains(":guid}", StringComparison.Ordinal) && ApiEndpoint.IdFor(endpoint.Route, ids) is not null && success)
            {
                leaks.Add($"{endpoint} answered {status} for another partner's record");
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));

        // And nothing was changed by the attempts.
        var stored = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/deals/{deal}");
        Assert.Equal(tag + " Pilot", stored.GetProperty("description").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("archivedAt").ValueKind);
    }

    private static HttpRequestMessage Request(ApiEndpoint endpoint, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }
}
