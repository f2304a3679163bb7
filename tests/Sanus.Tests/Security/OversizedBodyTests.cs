using System.Net;
using System.Text;
using Sanus.Bench;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Security;

/// <summary>
/// Issue 7 (security): a body over Kestrel's limit (30 MB; the largest file Sanus stores is 20 MB) is refused with a
/// 413 problem before the app reads it. Kestrel enforces the limit, so this runs against the real server process.
/// </summary>
public sealed class OversizedBodyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sanus-oversized", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_body_over_the_limit_answers_413_problem_details()
    {
        var postgres = SanusApp.IsPostgres ? SanusApp.CreatePostgresDatabase() : null;
        await using var app = await AppProcess.StartAsync(_folder, postgres);
        using var client = await app.AdminClientAsync();
        var huge = "{\"name\": \"" + new string('x', 31 * 1024 * 1024) + "\", \"country\": \"ES\", \"website\": \"huge.example\"}";

        // Kestrel answers from the declared length; with Expect: 100-continue the client waits to hear it instead of
        // pushing 31 MB into a closed connection. It waits long enough for a busy machine: after the default second the
        // client sends anyway and the server's close is a broken pipe instead of the answer.
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = client.BaseAddress };
        patient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/companies") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await patient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/companies?limit=1")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Gone already, or still held by a closing process: the temporary folder is left to the OS.
        }
    }
}
