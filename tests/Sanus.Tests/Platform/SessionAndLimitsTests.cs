using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>ACC-4: sign-in attempts are rate limited (429 with Retry-After); idle sessions expire.</summary>
public sealed class SessionAndLimitsTests
{
    private sealed class StrictApp : SanusApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sanus:SignInAttemptsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Token_endpoint_answers_429_with_retry_after_when_hammered()
    {
        using var app = new StrictApp();
        var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.example", password = "x" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Web_sign_in_form_is_rate_limited_too()
    {
        using var app = new StrictApp();
        var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await WebSignIn.PostAsync(client, "nobody@test.example", "wrong-password");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
    }

    [Fact]
    public async Task Idle_session_expires_after_thirty_minutes()
    {
        using var app = new SanusApp();
        var user = await app.CreateUserAsync();
        var client = app.Anonymous();
        var signedIn = await WebSignIn.PostAsync(client, user.Email!, SanusApp.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sanus.session=", StringComparison.Ordinal)).Split(';')[0];

        var active = new HttpRequestMessage(HttpMethod.Get, "/");
        active.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(active)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var idle = new HttpRequestMessage(HttpMethod.Get, "/");
        idle.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(idle);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
