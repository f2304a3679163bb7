using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Sanus.BrowserTests.Infrastructure;

/// <summary>Base of a browser test class: runs steps in a fresh page and keeps a screenshot when they fail.</summary>
public abstract class BrowserTest(SanusServer server) : IClassFixture<SanusServer>
{
    protected SanusServer Server { get; } = server;

    /// <summary>
    /// Runs the steps in a new page; on failure saves "Class.Test-failed.png" and rethrows. (xunit v2
    /// does not tell a fixture how a test ended, so the test body goes through here.)
    /// </summary>
    protected async Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "")
    {
        var page = await Server.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch (Exception e)
        {
            // The path goes into the failure message, where a person reading the test log looks.
            var path = await TryScreenshotAsync(page, $"{GetType().Name}.{test}-failed");
            throw new XunitException($"{e.Message}{Environment.NewLine}Screenshot: {path}", e);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Signs in through the login form and waits for the home page.</summary>
    protected static async Task SignInAsync(IPage page, string email = SanusServer.AdminEmail, string password = SanusServer.AdminPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Welcome")).ToBeVisibleAsync();
    }

    /// <summary>Opens an interactive page and waits until its circuit answers: typing into the pre-rendered HTML before that is lost.</summary>
    protected static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task<string> TryScreenshotAsync(IPage page, string name)
    {
        try
        {
            return await SanusServer.ScreenshotAsync(page, name);
        }
        catch (PlaywrightException e)
        {
            return "(none: " + e.Message + ")";
        }
    }
}
