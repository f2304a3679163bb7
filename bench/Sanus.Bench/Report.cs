using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sanus.Bench;

/// <summary>One bench run: what was measured where, printed as a Markdown table and kept as JSON in bench/results/.</summary>
public sealed record Report(
    string Tier, string Database, DateTime At, string Machine, int Companies, int Contacts, int Deals, int Activities,
    double GenerateSeconds, IReadOnlyList<Figure> Figures, ImportFigure? Import, LoadFigure? Load, bool BudgetsApply)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Database}, {Tier} tier ({At:yyyy-MM-dd HH:mm} UTC, {Machine})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Companies:N0} companies, {Contacts:N0} contacts, {Deals:N0} deals, {Activities:N0} activities, generated in {GenerateSeconds:F1} s.");
        text.AppendLine(BudgetsApply ? "Budgets apply (default tier, SQLite)." : "Budgets are shown for comparison; they apply to the default tier on SQLite.");
        text.AppendLine();
        text.AppendLine("| operation | p50 ms | p95 ms | p99 ms | raw SQL p50 | ratio | budget p50/p95 | result |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var f in Figures)
        {
            var budget = f.Budget is null ? "–" : $"{f.Budget.P50:0}/{f.Budget.P95:0}" + (f.Budget.Read ? ", ratio ≤ 3" : "");
            var result = f.Pass is null ? "–" : f.Pass.Value ? "pass" : "**MISS**";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {f.P50:F1} | {f.P95:F1} | {f.P99:F1} | {(f.RawP50 is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "–")} | {(f.Ratio is { } q ? q.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {budget} | {result} |");
        }

        if (Import is { } i)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| import {i.Rows:N0} contacts ({i.Duplicates:N0} duplicates): upload {i.UploadSeconds:F1} s + dry run {i.DryRunSeconds:F1} s + run {i.RunSeconds:F1} s | {i.TotalSeconds:F1} s | | | | | ≤ {i.BudgetSeconds:0} s | {(i.Pass ? "pass" : "**MISS**")} |");
        }

        if (Load is { } l)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| mixed load: {l.Users} users for {l.Seconds:F0} s, {l.Requests:N0} requests, {l.Errors} errors (latency p50 {l.P50:F1} / p95 {l.P95:F1} ms) | {l.RequestsPerSecond:F0} req/s | | | | | ≥ {l.BudgetRequestsPerSecond:0} req/s, 0 errors | {(l.Pass ? "pass" : "**MISS**")} |");
        }

        return text.ToString();
    }

    public async Task<string> SaveAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.Combine(folder, $"{Database.ToLowerInvariant()}-{Tier}");
        await File.WriteAllTextAsync(name + ".md", Markdown());
        await File.WriteAllTextAsync(name + ".json", JsonSerializer.Serialize(this, Json));
        return name;
    }
}
