using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Sanus.Bench;

/// <summary>
/// Imports a CSV of contacts through the API as a user would: upload, dry run (every row checked, duplicates found),
/// run, and poll until it ends. One row in ten repeats a stored contact's email, so duplicate detection has work to do.
/// </summary>
public static class ImportRun
{
    public const double BudgetSeconds = 15;

    public static async Task<ImportFigure> RunAsync(HttpClient api, Tier tier)
    {
        var duplicates = Math.Min(tier.ImportRows / 10, tier.Contacts);
        var file = Csv(tier, duplicates);

        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", "contacts.csv" },
            { new StringContent("contacts"), "kind" },
        };
        using var uploaded = await api.PostAsync("/api/v1/imports", form);
        await Scenarios.EnsureAsync(uploaded, "import upload");
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var upload = watch.Elapsed.TotalSeconds;

        watch.Restart();
        using var dryRun = await api.PostAsync($"/api/v1/imports/{id}/dry-run", null);
        await Scenarios.EnsureAsync(dryRun, "import dry run");
        var checkedAt = watch.Elapsed.TotalSeconds;

        watch.Restart();
        using var run = await api.PostAsJsonAsync($"/api/v1/imports/{id}/run", new { defaultAction = "skip" });
        await Scenarios.EnsureAsync(run, "import run");
        JsonElement job;
        do
        {
            await Task.Delay(250);
            job = await api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
        }
        while (job.GetProperty("status").GetString() is "queued" or "running");

        var ran = watch.Elapsed.TotalSeconds;
        if (job.GetProperty("status").GetString() != "succeeded" || job.GetProperty("created").GetInt32() != tier.ImportRows - duplicates)
        {
            throw new InvalidOperationException("The import did not create the expected contacts: " + job);
        }

        return new ImportFigure(tier.ImportRows, duplicates, upload, checkedAt, ran, BudgetSeconds);
    }

    private static byte[] Csv(Tier tier, int duplicates)
    {
        var text = new StringBuilder("First name,Last name,E-mail,Job title,Phone,Company\n");
        for (var i = 0; i < tier.ImportRows; i++)
        {
            var email = i < duplicates ? Generator.Email(i) : $"imported.{i}@clinic{i % 503}.example";
            text.Append(CultureInfo.InvariantCulture, $"Ana{i},López{i},{email},Head of Orthopaedics,+34 6{i % 100_000_000:D8},{Generator.CompanyName(i % tier.Companies)}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
