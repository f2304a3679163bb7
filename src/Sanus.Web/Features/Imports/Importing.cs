using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// What users do with an import (IO-1): upload a file, confirm the column mapping, dry-run it, choose what to do with duplicates,
/// and run it. Used by the page and the API. A user sees only their own import jobs.
/// </summary>
public static class Importing
{
    public const int MaxFileBytes = 50 * 1024 * 1024;

    /// <summary>The report rows shown with the job; the CSV report has all of them.</summary>
    public const int ReportRowsShown = 1000;

    public sealed record PreviewRow(int Row, IReadOnlyDictionary<string, string?> Values);

    public sealed record JobView(
        Guid Id, string Kind, string FileName, string Status, DateTime CreatedAt, IReadOnlyList<string> Headers, IReadOnlyList<string?> Mapping,
        IReadOnlyList<ImportFields.Field> Fields, int TotalRows, int ProcessedRows, int OkRows, int ErrorRows, int DuplicateRows,
        int Created, int Updated, int Skipped, string? Message, IReadOnlyList<RowReport> Report, IReadOnlyList<PreviewRow>? Preview);

    public sealed record JobSummary(Guid Id, string Kind, string FileName, string Status, DateTime CreatedAt, int TotalRows);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JobView> UploadAsync(SanusDb db, TimeProvider clock, ImportProgress progress, string userId, string? kind, string fileName, byte[] content)
    {
        kind = kind?.Trim().ToLowerInvariant() ?? "";
        ImportFields.For(kind);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !ImportFileReader.IsExcel(fileName))
        {
            throw ProblemException.Invalid("file", "Upload a .csv or .xlsx file.");
        }

        if (content.Length > MaxFileBytes)
        {
            throw ProblemException.Invalid("file", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB: split it into smaller files.");
        }

        var sheet = ImportFileReader.Read(fileName, content);
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            Kind = kind,
            FileName = Path.GetFileName(fileName),
            UserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
            TotalRows = sheet.Rows.Count,
            HeadersJson = JsonSerializer.Serialize(sheet.Headers, Json),
            MappingJson = JsonSerializer.Serialize(ImportFields.Guess(kind, sheet.Headers), Json),
        };
        db.Add(job);
        db.Add(new ImportFile { JobId = job.Id, Content = content });
        await db.SaveChangesAsync();
        return View(job, progress, Preview(job, sheet));
    }

    public static async Task<List<JobSummary>> ListAsync(SanusDb db, string userId) =>
        await db.Set<ImportJob>().AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.CreatedAt).Take(20)
            .Select(j => new JobSummary(j.Id, j.Kind, j.FileName, j.Status, j.CreatedAt, j.TotalRows)).ToListAsync();

    public static async Task<JobView> GetAsync(SanusDb db, ImportProgress progress, string userId, Guid id, bool withPreview = false)
    {
        var job = await FindAsync(db, userId, id);
        return View(job, progress, withPreview ? Preview(job, await ReadAsync(db, job)) : null);
    }

    public static async Task<JobView> SetMappingAsync(SanusDb db, TimeProvider clock, ImportProgress progress, string userId, Guid id, IReadOnlyList<string?>? columns)
    {
        var job = await FindAsync(db, userId, id);
        EnsureEditable(job);
        var mapping = (columns ?? []).Select(c => string.IsNullOrWhiteSpace(c) ? null : c.Trim()).ToList();
        ImportFields.Check(job.Kind, Headers(job), mapping);
        job.MappingJson = JsonSerializer.Serialize(mapping, Json);
        Reset(job, ImportStatuses.Uploaded, clock);
        await db.SaveChangesAsync();
        return View(job, progress, Preview(job, await ReadAsync(db, job)));
    }

    /// <summary>Checks every row as the run would, without writing anything, and keeps the report on the job.</summary>
    public static async Task<JobView> DryRunAsync(SanusDb db, TimeProvider clock, ImportProgress progress, string userId, Guid id, CancellationToken cancellationToken)
    {
        var job = await FindAsync(db, userId, id);
        EnsureEditable(job);
        var sheet = await ReadAsync(db, job);
        var import = KindImport.For(job.Kind, clock);
        await import.LoadAsync(db, cancellationToken);
        var report = Check(import, job, sheet, choices: null);
        Reset(job, ImportStatuses.Checked, clock);
        Tally(job, report);
        await db.SaveChangesAsync(cancellationToken);
        return View(job, progress, null);
    }

    /// <summary>Queues the run with the user's duplicate choices; <paramref name="start"/> wakes the runner (<see cref="ImportWorker.Enqueue"/>).</summary>
    public static async Task<JobView> QueueRunAsync(SanusDb db, TimeProvider clock, ImportProgress progress, Action<Guid> start, string userId, Guid id, RunChoices? choices)
    {
        var job = await FindAsync(db, userId, id);
        EnsureEditable(job);
        choices ??= new RunChoices(DuplicateActions.Skip, null);
        var actions = new[] { choices.DefaultAction ?? DuplicateActions.Skip }.Concat(choices.Rows?.Values ?? []);
        if (actions.FirstOrDefault(a => !DuplicateActions.All.Contains(a)) is { } wrong)
        {
            throw ProblemException.Invalid("defaultAction", $"\"{wrong}\" is not a duplicate action: use {string.Join(", ", DuplicateActions.All)}.");
        }

        job.ChoicesJson = JsonSerializer.Serialize(choices, Json);
        Reset(job, ImportStatuses.Queued, clock);
        await db.SaveChangesAsync();
        start(job.Id);
        return View(job, progress, null);
    }

    /// <summary>
    /// The run, as the job's user: every row is checked again (the data may have changed since the dry run); if any row has an error,
    /// nothing is written and the report says why. Otherwise all rows are written in one transaction, in batches.
    /// </summary>
    public static async Task RunAsync(SanusDb db, TimeProvider clock, ImportProgress progress, Guid id, CancellationToken cancellationToken)
    {
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == id, cancellationToken);
        var sheet = await ReadAsync(db, job);
        Reset(job, ImportStatuses.Running, clock);
        job.TotalRows = sheet.Rows.Count;
        await db.SaveChangesAsync(cancellationToken);
        progress.Set(id, 0);

        var import = KindImport.For(job.Kind, clock);
        import.AuditReason = $"Import of {job.FileName} (import job {job.Id})";
        await import.LoadAsync(db, cancellationToken);
        var report = Check(import, job, sheet, JsonSerializer.Deserialize<RunChoices>(job.ChoicesJson ?? "{}", Json));
        Tally(job, report);
        if (job.ErrorRows > 0)
        {
            await FailAsync(db, clock, job, $"{job.ErrorRows} rows have errors, so nothing was imported. Correct them (see the error report) and run the import again.", cancellationToken);
            return;
        }

        int created, updated;
        try
        {
            // Batches are added, saved and forgotten: no need to scan every tracked record for changes on each Add.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            (created, updated) = await import.WriteAsync(db, written => progress.Set(id, written), cancellationToken);

            // The job's outcome commits with the records, so a job marked done is one whose records exist, and vice versa.
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            job = await db.Set<ImportJob>().SingleAsync(j => j.Id == id, cancellationToken);
            Finish(job, clock, ImportStatuses.Succeeded, report);
            (job.Created, job.Updated, job.ProcessedRows) = (created, updated, job.TotalRows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (ImportRowsFailedException failed)
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            job = await db.Set<ImportJob>().SingleAsync(j => j.Id == id, cancellationToken);
            Finish(job, clock, ImportStatuses.Failed, [.. report.Where(r => r.Row != failed.Report.Row), failed.Report]);
            await FailAsync(db, clock, job, $"Row {failed.Report.Row} could not be written, so nothing was imported. See the error report.", cancellationToken);
        }
    }

    /// <summary>Marks a job failed with a reason; nothing of it was written.</summary>
    public static async Task FailAsync(SanusDb db, TimeProvider clock, ImportJob job, string message, CancellationToken cancellationToken)
    {
        job.Status = ImportStatuses.Failed;
        job.Message = message;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<(byte[] Content, string FileName)> ErrorReportAsync(SanusDb db, string userId, Guid id)
    {
        var job = await FindAsync(db, userId, id);
        return (ErrorReportCsv.Write(Report(job)), $"{Path.GetFileNameWithoutExtension(job.FileName)}-import-report.csv");
    }

    private static async Task<ImportJob> FindAsync(SanusDb db, string userId, Guid id) =>
        await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == id && j.UserId == userId) ?? throw ProblemException.NotFound("import");

    private static async Task<ImportFileReader.Sheet> ReadAsync(SanusDb db, ImportJob job)
    {
        var content = await db.Set<ImportFile>().Where(f => f.JobId == job.Id).Select(f => f.Content).SingleAsync();
        return ImportFileReader.Read(job.FileName, content);
    }

    private static void EnsureEditable(ImportJob job)
    {
        if (ImportStatuses.IsBusy(job.Status) || job.Status == ImportStatuses.Succeeded)
        {
            throw ProblemException.Conflict("The import has already run or is running", $"This import is {job.Status}: upload the file again to import it again.", new Dictionary<string, object?>());
        }
    }

    private static List<RowReport> Check(KindImport import, ImportJob job, ImportFileReader.Sheet sheet, RunChoices? choices)
    {
        var mapping = Mapping(job);
        var report = new List<RowReport>();
        foreach (var row in sheet.Rows)
        {
            if (import.Check(row.Number, Values(mapping, row), choices) is { } problem)
            {
                report.Add(problem);
            }
        }

        return report;
    }

    private static Dictionary<string, string?> Values(List<string?> mapping, ImportFileReader.SheetRow row)
    {
        var values = new Dictionary<string, string?>();
        for (var column = 0; column < mapping.Count; column++)
        {
            if (mapping[column] is { } field)
            {
                values[field] = row.Cell(column);
            }
        }

        return values;
    }

    private static List<PreviewRow> Preview(ImportJob job, ImportFileReader.Sheet sheet)
    {
        var mapping = Mapping(job);
        return sheet.Rows.Take(10).Select(r => new PreviewRow(r.Number, Values(mapping, r))).ToList();
    }

    private static void Reset(ImportJob job, string status, TimeProvider clock)
    {
        job.Status = status;
        job.Message = null;
        job.ProcessedRows = 0;
        job.OkRows = job.ErrorRows = job.DuplicateRows = job.Created = job.Updated = job.Skipped = 0;
        job.ReportJson = "[]";
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static void Tally(ImportJob job, List<RowReport> report)
    {
        job.ErrorRows = report.Count(r => r.Status == RowStatuses.Error);
        job.DuplicateRows = report.Count(r => r.Status == RowStatuses.Duplicate);
        job.OkRows = job.TotalRows - job.ErrorRows - job.DuplicateRows;
        job.Skipped = report.Count(r => r.Action == DuplicateActions.Skip);
        job.ReportJson = JsonSerializer.Serialize(report, Json);
    }

    private static void Finish(ImportJob job, TimeProvider clock, string status, List<RowReport> report)
    {
        var total = job.TotalRows;
        Reset(job, status, clock);
        job.TotalRows = total;
        Tally(job, report);
    }

    private static List<string> Headers(ImportJob job) => JsonSerializer.Deserialize<List<string>>(job.HeadersJson, Json) ?? [];

    private static List<string?> Mapping(ImportJob job) => JsonSerializer.Deserialize<List<string?>>(job.MappingJson, Json) ?? [];

    private static List<RowReport> Report(ImportJob job) => JsonSerializer.Deserialize<List<RowReport>>(job.ReportJson, Json) ?? [];

    private static JobView View(ImportJob job, ImportProgress progress, IReadOnlyList<PreviewRow>? preview) => new(
        job.Id, job.Kind, job.FileName, job.Status, job.CreatedAt, Headers(job), Mapping(job), ImportFields.For(job.Kind), job.TotalRows,
        job.Status == ImportStatuses.Running ? progress.Get(job.Id) ?? job.ProcessedRows : job.ProcessedRows,
        job.OkRows, job.ErrorRows, job.DuplicateRows, job.Created, job.Updated, job.Skipped, job.Message,
        ImportStatuses.IsBusy(job.Status) ? [] : Report(job).Take(ReportRowsShown).ToList(), preview);
}
