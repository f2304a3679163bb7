using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Sanus.Bench;
using Sanus.Web.Data;
using Sanus.Web.DemoData;
using Sanus.Web.Platform.Auth;

namespace Sanus.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on its own fresh database: SQLite in a temporary folder, or a new PostgreSQL
/// database when SANUS_TEST_DB=postgres (connection from SANUS_TEST_PG). Time is a <see cref="FakeTimeProvider"/>
/// that starts at the real current time, so tests can move it forward.
/// </summary>
public class SanusApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = AppProcess.AdminPassword;
    public const string Password = "Correct-horse-9";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "sanus-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;

    public SanusApp()
    {
        Directory.CreateDirectory(_dataFolder);
        if (IsPostgres)
        {
            _postgres = CreatePostgresDatabase();
        }
    }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("SANUS_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Settings a test class may change before the app starts (e.g. a low rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SANUS_DATA", _dataFolder);
        builder.UseSetting("SANUS_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Sanus:DemoData", "false");
        builder.UseSetting("Sanus:BackgroundJobs", "false");
        builder.UseSetting("Sanus:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres ?? "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that carries no credentials and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An API client signed in with a fresh personal access token of that user.</summary>
    public async Task<HttpClient> ApiAs(string email, string password = Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> ApiAsAdmin() => ApiAs(FirstRun.AdminEmail, AdminPassword);

    /// <summary>Creates a user with the given job roles (names from the catalogue) and the shared test password.</summary>
    public async Task<SanusUser> CreateUserAsync(string? email = null, Guid? partnerCompanyId = null, params string[] roles)
    {
        // Touch the server so start-up (migrations, catalogue) has run.
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SanusUser>>();
        email ??= $"user-{Guid.NewGuid():N}@test.example";
        var user = new SanusUser { UserName = email, Email = email, DisplayName = "Test " + email.Split('@')[0], EmailConfirmed = true, PartnerCompanyId = partnerCompanyId };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded && roles.Length > 0)
        {
            result = await users.AddToRolesAsync(user, roles);
        }

        return result.Succeeded ? user : throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A database context outside any request, acting as the system.</summary>
    public async Task<T> WithDb<T>(Func<SanusDb, Task<T>> work)
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SanusDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            NpgsqlConnection.ClearAllPools();
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

    internal static string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("SANUS_TEST_PG")
            ?? throw new InvalidOperationException("SANUS_TEST_DB=postgres needs SANUS_TEST_PG, a connection string to the test server.");
        var name = "sanus_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private sealed record TokenBody(string Token, DateTime ExpiresAt);
}
