using System.Net;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>Security headers on every response; forms refuse posts without their antiforgery token.</summary>
public sealed class SecurityHeaderTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/companies")]
    [InlineData("/health/live")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_form_without_antiforgery_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = SanusApp.Password,
        });

        var response = await app.Anonymous().PostAsync("/Account/Login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sanus.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Api_writes_with_only_a_browser_cookie_are_refused()
    {
        var user = await app.CreateUserAsync(roles: "Business Development");
        var client = app.Anonymous();
        var signedIn = await WebSignIn.PostAsync(client, user.Email!, SanusApp.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sanus.session=", StringComparison.Ordinal)).Split(';')[0];

        var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        read.Headers.Add("Cookie", cookie);
        var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/companies") { Content = System.Net.Http.Json.JsonContent.Create(Api.NewCompany()) };
        write.Headers.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(write)).StatusCode);
    }
}
