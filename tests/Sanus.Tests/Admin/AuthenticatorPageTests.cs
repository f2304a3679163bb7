using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Admin;

/// <summary>ACC-4: the static authenticator page shows a QR code and the shared key, and enrols a TOTP second factor.</summary>
public sealed partial class AuthenticatorPageTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Authenticator_page_shows_qr_code_and_key_and_enrols()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await PostFormAsync(browser, "/Account/Login", "login", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = SanusApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var page = await browser.GetStringAsync("/Account/Manage/EnableAuthenticator");

        Assert.Matches("<img id=\"qr-code\"[^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=&#;]{100,}\"", page);
        Assert.Contains("otpauth://totp/Sanus:", page, StringComparison.Ordinal);
        Assert.Contains("issuer=Sanus", page, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js\" autostart", page, StringComparison.Ordinal);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);
        var verified = await PostFormAsync(browser, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("recovery codes", await verified.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDb(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).TwoFactorEnabled)));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<kbd id=\"shared-key\"[^>]*>([^<]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
