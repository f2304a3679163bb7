using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Sanus.Bench;

/// <summary>
/// The app as a real operating-system process (the built Sanus.Web.dll beside the tests) on a free loopback port,
/// so a test can kill it with SIGKILL, start it again on the same data, or run its command-line verbs.
/// The bench measures the app through it; the tests use it for crash, restart and command-line tests.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "Admin-password-1";

    private readonly Process _process;
    private readonly StringWriter _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app on <paramref name="dataFolder"/> (SQLite) or the PostgreSQL database named, and waits until it is ready.</summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, string? postgres)
    {
        var port = FreePort();
        var process = Create(dataFolder, postgres, $"--urls http://127.0.0.1:{port}");
        var app = new AppProcess(process, port);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>Runs a command-line verb (e.g. <c>backup file</c>) to its end; returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataFolder, string? postgres, params string[] arguments)
    {
        using var process = Create(dataFolder, postgres, string.Join(' ', arguments.Select(a => $"\"{a}\"")));
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>An API client with a fresh token of the administrator.</summary>
    public async Task<HttpClient> AdminClientAsync(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@sanus.example", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, exactly like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static Process Create(string dataFolder, string? postgres, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Sanus.Web.dll")}\" {arguments}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["SANUS_DATA"] = dataFolder;
        start.Environment["SANUS_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["Sanus__DemoData"] = "false";
        start.Environment["Sanus__BackgroundJobs"] = "false";
        start.Environment["Sanus__SignInAttemptsPerMinute"] = "10000";
        start.Environment["ConnectionStrings__Postgres"] = postgres ?? "";
        return new Process { StartInfo = start };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not become ready within 2 minutes:\n{Output}");
    }
}
