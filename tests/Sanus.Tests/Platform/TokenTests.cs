using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>ACC-4: personal access tokens are issued, used as bearer tokens, listed without secrets, and revoked.</summary>
public sealed class TokenTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Issued_token_authenticates_and_revoked_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var client = await app.ApiAs(user.Email!);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(user.Email, me.GetProperty("email").GetString());

        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/tokens");
        var listed = Assert.Single(tokens.EnumerateArray());
        Assert.False(listed.TryGetProperty("token", out _), "the secret must never be listed");
        Assert.False(listed.TryGetProperty("hash", out _), "the hash must never be listed");

        var revoke = await client.DeleteAsync($"/api/v1/auth/tokens/{listed.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Last_use_is_kept_to_the_minute_and_a_burst_of_requests_past_the_minute_all_succeed()
    {
        var user = await app.CreateUserAsync();
        var client = await app.ApiAs(user.Email!);
        async Task<DateTime> LastUsedAsync() =>
            await app.WithDb(db => Task.FromResult(db.AccessTokens.Single(t => t.UserId == user.Id).LastUsedAt!.Value));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var first = await LastUsedAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/api/v1/me")));
        Assert.All(burst, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(first.AddMinutes(2), await LastUsedAsync(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Token_is_stored_only_as_a_hash()
    {
        var user = await app.CreateUserAsync();
        var client = await app.ApiAs(user.Email!);
        var secret = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var stored = await app.WithDb(db => Task.FromResult(db.AccessTokens.Where(t => t.UserId == user.Id).Select(t => t.Hash).ToList()));

        var hash = Assert.Single(stored);
        Assert.NotEqual(secret, hash);
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
        Assert.Equal(Sanus.Web.Platform.Auth.AccessTokens.HashOf(secret), hash);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem_and_is_audited()
    {
        var user = await app.CreateUserAsync();
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var failures = await app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == "sign-in-failed" && a.UserId == user.Id)));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Unknown_token_is_refused_and_audited()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sanus_made-up-token-value");

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var rejected = await app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == "token-rejected" && a.Reason!.Contains("sanus_made-u"))));
        Assert.True(rejected >= 1);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var client = await app.ApiAs(user.Email!);
        var created = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "short", lifetimeDays = 1 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var shortLived = app.Anonymous();
        shortLived.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await shortLived.GetAsync("/api/v1/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await shortLived.GetAsync("/api/v1/me")).StatusCode);
    }
}
