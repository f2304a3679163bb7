using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Imports;

/// <summary>Drives an import through the API the way a client program does: upload, map, dry run, run, poll.</summary>
public static class ImportClient
{
    public static async Task<JsonElement> UploadAsync(HttpClient client, string kind, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        var response = await client.PostAsync("/api/v1/imports", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    public static Task<JsonElement> UploadCsvAsync(HttpClient client, string kind, string csv) =>
        UploadAsync(client, kind, "data.csv", Encoding.UTF8.GetBytes(csv));

    public static async Task<JsonElement> DryRunAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/imports/{id}/dry-run", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    /// <summary>Starts the run and waits for its outcome.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, Guid id, object? choices = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/imports/{id}/run", choices ?? new { defaultAction = "skip" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish within 30 seconds.");
    }

    public static Guid Id(this JsonElement job) => job.GetProperty("id").GetGuid();

    public static List<string?> Mapping(this JsonElement job) => job.GetProperty("mapping").EnumerateArray().Select(m => m.GetString()).ToList();

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    /// <summary>A word unique to one test, so that tests sharing a database never see each other's rows.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..10];
}
