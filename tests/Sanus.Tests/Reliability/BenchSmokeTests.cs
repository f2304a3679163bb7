using System.Text.Json;
using Sanus.Bench;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Reliability;

/// <summary>
/// Issue 7: the bench harness runs end to end at the tiny tier, without budgets, so it can't rot between bench runs:
/// the real app as a process, generated data, every figure through HTTP beside its raw-SQL baseline, the import and
/// the mixed load with zero errors, and the report written as Markdown and JSON.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Tiny_tier_measures_every_figure_through_the_app_and_in_raw_sql_and_writes_the_report()
    {
        var database = SanusApp.IsPostgres ? SanusApp.CreatePostgresDatabase() : null;

        var report = await BenchRun.RunAsync(Tier.Tiny, database, log: _ => { });

        Assert.Equal(["board", "list", "deep", "search", "record", "dashboard", "update", "move"], report.Figures.Select(f => f.Key));
        Assert.All(report.Figures, f => Assert.True(f.P50 > 0 && f.P95 >= f.P50 && f.P99 >= f.P95, f.Name));
        Assert.All(report.Figures, f => Assert.True(f.RawP50 > 0, f.Name + " has no raw-SQL baseline"));
        Assert.Equal(Tier.Tiny.ImportRows, report.Import!.Rows);
        Assert.True(report.Load!.Requests > 0);
        Assert.Equal(0, report.Load.Errors);
        Assert.False(report.BudgetsApply);

        var folder = Path.Combine(Path.GetTempPath(), "sanus-bench-results-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var saved = await report.SaveAsync(folder);
            Assert.Contains("| pipeline board", await File.ReadAllTextAsync(saved + ".md"), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(saved + ".json"));
            Assert.Equal(report.Figures.Count, json.RootElement.GetProperty("figures").GetArrayLength());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
