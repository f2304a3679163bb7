using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Platform.Auth;

namespace Sanus.Tests.Platform;

/// <summary>ACC-4: lock-out after 5 failures for 15 minutes, TOTP second factor, every failure audited.</summary>
public sealed class SignInTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_fifteen_minutes()
    {
        var user = await app.CreateUserAsync();
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "wrong-password" });
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Locked);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = SanusApp.Password });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);

        var lockoutEnd = await app.WithDb(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).LockoutEnd));
        Assert.NotNull(lockoutEnd);
        var minutes = (lockoutEnd.Value - TimeProvider.System.GetUtcNow()).TotalMinutes;
        Assert.InRange(minutes, 14, 15.5);
        var failures = await app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == "sign-in-failed" && a.UserId == user.Id)));
        Assert.True(failures >= 5, $"each failure is audited, found {failures}");
    }

    [Fact]
    public async Task Totp_enrolled_user_needs_the_current_code()
    {
        var user = await app.CreateUserAsync();
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanusUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            await users.ResetAuthenticatorKeyAsync(stored!);
            key = (await users.GetAuthenticatorKeyAsync(stored!))!;
            await users.SetTwoFactorEnabledAsync(stored!, true);
        }

        var client = app.Anonymous();
        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = SanusApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.True((await withoutCode.Json()).GetProperty("errors").TryGetProperty("totpCode", out _));

        var wrongCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = SanusApp.Password, totpCode = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
        var withCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = SanusApp.Password, totpCode = code });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Web_sign_in_with_wrong_password_is_audited_and_right_password_signs_in()
    {
        var user = await app.CreateUserAsync();
        var client = app.Anonymous();

        var failed = await WebSignIn.PostAsync(client, user.Email!, "wrong-password");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("not right", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var succeeded = await WebSignIn.PostAsync(client, user.Email!, SanusApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, succeeded.StatusCode);

        var actions = await app.WithDb(db => Task.FromResult(db.AuditEntries.Where(a => a.UserId == user.Id && a.Entity == "SignIn").Select(a => a.Action).ToList()));
        Assert.Contains("sign-in-failed", actions);
        Assert.Contains("sign-in", actions);
    }
}
