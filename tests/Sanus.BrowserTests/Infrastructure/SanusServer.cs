using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sanus.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1, with a fresh SQLite data folder and the demo data
/// set, and Debian's Chromium driven by Playwright. One per test class, so a class may change users
/// (enrol TOTP, change a password) without touching another class's app.
/// </summary>
public sealed class SanusServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@sanus.example";

    /// <summary>Also the password of every demo user.</summary>
    public const string AdminPassword = "Browser-admin-1";

    /// <summary>Debian's package; Playwright's own browser downloads are blocked on these machines.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "sanus-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SanusServer()
    {
        Directory.CreateDirectory(_dataFolder);

        // Port 0: Kestrel picks a free one; read back below.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Screenshots go to tests/Sanus.BrowserTests/bin/screenshots unless SANUS_SCREENSHOTS names a folder.</summary>
    public static string ScreenshotFolder { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("SANUS_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "..", "..", "screenshots"));

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.FirstOrDefault()?.TrimEnd('/') ?? throw new InvalidOperationException("Kestrel reported no address.");

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test.sh once (it installs Debian's chromium), or apt-get install chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // Root in a container has no user namespaces for the sandbox; the rest keeps Chromium
            // from reaching out to the network or doing work nobody looks at.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A new browser context (own cookies) and page, in the default desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? name : name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SANUS_DATA", _dataFolder);
        builder.UseSetting("SANUS_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Sanus:DemoData", "true");
        builder.UseSetting("Sanus:SignInAttemptsPerMinute", "10000");

        // Quartz logs through a process-wide static that a disposed host would leave behind for the next one.
        builder.UseSetting("Sanus:BackgroundJobs", "false");

        // Browser tests always run on SQLite: what they check is the UI, and the suites cover both databases.
        builder.UseSetting("ConnectionStrings:Postgres", "");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite's pool is left for the OS to clean up.
            }
        }
    }
}
