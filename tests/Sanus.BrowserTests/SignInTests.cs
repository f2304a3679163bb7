using Microsoft.Playwright;
using OtpNet;
using Sanus.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sanus.BrowserTests;

public sealed class SignInTests(SanusServer server) : BrowserTest(server)
{
    [Fact]
    public Task Administrator_signs_in_enrols_TOTP_and_the_home_page_fits_a_phone() => InBrowserAsync(async page =>
    {
        await SignInAsync(page);
        Assert.Equal(Server.BaseUrl + "/", page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToContainTextAsync("Sanus Administrator");

        // Enrol an authenticator app, acting as the app: read the shared key, compute the current code.
        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        var keyElement = await page.Locator("#shared-key").CountAsync() > 0 ? page.Locator("#shared-key") : page.Locator("kbd").First;
        var key = (await keyElement.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        Assert.NotEmpty(key);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        await page.GetByLabel("Verification Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recovery codes" })).ToBeVisibleAsync();
        await Expect(page.Locator(".recovery-code")).ToHaveCountAsync(10);

        // Create a personal access token (ACC-4) and use it against the API: the secret shown once works.
        await GotoInteractiveAsync(page, "/account/tokens");
        await page.Locator("#token-name").FillAsync("Browser test");
        await page.Locator("#create-token").ClickAsync();
        var secret = (await page.Locator("#new-token-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("sanus_", secret, StringComparison.Ordinal);
        var me = await page.APIRequest.GetAsync("/api/v1/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret } });
        Assert.Equal(200, me.Status);
        Assert.Contains(SanusServer.AdminEmail, await me.TextAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Browser test" })).ToBeVisibleAsync();

        // The home page on a phone: nothing wider than the screen, the menu reachable.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        await Expect(page.GetByText("Welcome")).ToBeVisibleAsync();
        await SanusServer.ScreenshotAsync(page, "home-phone");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390 + 1, $"The home page scrolls sideways on a phone: scrollWidth {scrollWidth} > 390.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_wrong_password_shows_the_error_and_keeps_the_email() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(SanusServer.AdminEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(SanusServer.AdminEmail);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await SanusServer.ScreenshotAsync(page, "login-wrong-password");
    });
}
