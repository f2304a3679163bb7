using System.Net;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Security;

/// <summary>
/// Issue 7 (mixed load): API calls beyond the concurrency limit wait their turn instead of piling into the database or
/// being refused, so a burst far above the limit is answered in full, with no 429 and no 500.
/// </summary>
public sealed class ApiConcurrencyTests(ApiConcurrencyTests.NarrowApp app) : IClassFixture<ApiConcurrencyTests.NarrowApp>
{
    public sealed class NarrowApp : SanusApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sanus:ApiConcurrency"] = "2" };
    }

    [Fact]
    public async Task A_burst_of_calls_twenty_times_the_limit_is_answered_in_full()
    {
        var client = await app.ApiAsAdmin();
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.GetAsync(i % 2 == 0 ? "/api/v1/deals/board" : "/api/v1/companies?limit=50")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }
}
