using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Imports;

public static class ImportsApi
{
    public sealed record MappingRequest(IReadOnlyList<string?>? Columns);

    public sealed record RunRequest(string? DefaultAction, Dictionary<int, string>? Rows);

    /// <summary>The import's services: the background worker and the progress it reports.</summary>
    public static void AddSanusImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(s => s.GetRequiredService<ImportWorker>());
    }

    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireCapability(Capabilities.DataImport);
        imports.MapGet("/", List).WithSummary("Your recent imports, newest first.");
        // A multipart upload: only a bearer token may write to the API (ADR 0004), so there is no cookie to forge and no antiforgery token.
        imports.MapPost("/", Upload).DisableAntiforgery()
            .WithSummary("Upload a CSV or XLSX file (multipart: file, kind=companies|contacts|deals): the job with the columns' guessed mapping and a preview of the first 10 rows.");
        imports.MapGet("/{id:guid}", Get).WithSummary("The import: status, progress (processedRows of totalRows), counts and the report of rows with errors or duplicates.");
        imports.MapPut("/{id:guid}/mapping", SetMapping).WithSummary("Set the field of each column ({\"columns\": [\"name\", null, …]}, one per header): the job with a new preview.");
        imports.MapPost("/{id:guid}/dry-run", DryRun).WithSummary("Check every row without writing: each row is ok, an error (field and message) or a duplicate (with the candidate).");
        imports.MapPost("/{id:guid}/run", Run)
            .WithSummary("Run the import in the background: {\"defaultAction\": \"skip|update|create\", \"rows\": {\"7\": \"update\"}} for duplicates. All or nothing: one row with an error and nothing is written. Poll GET for progress.");
        imports.MapGet("/{id:guid}/errors.csv", Errors).WithSummary("The report as CSV: one line per row error (row, field, message) and per duplicate.");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<List<Importing.JobSummary>>> List(SanusDb db, ClaimsPrincipal user) =>
        TypedResults.Ok(await Importing.ListAsync(db, UserId(user)));

    /// <summary>
    /// Reads the multipart form itself rather than binding IFormFile: a bound form makes routing answer 415 to a request of another
    /// content type before authentication runs, and an anonymous caller must get 401 like everywhere else.
    /// </summary>
    private static async Task<Created<Importing.JobView>> Upload(HttpRequest request, SanusDb db, TimeProvider clock, ImportProgress progress, ClaimsPrincipal user)
    {
        if (!request.HasFormContentType)
        {
            throw ProblemException.Invalid("file", "Send multipart/form-data with the file as the field \"file\" and kind=companies, contacts or deals.");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw ProblemException.Invalid("file", "Attach the CSV or XLSX file as the multipart field \"file\".");
        }

        if (file.Length > Importing.MaxFileBytes)
        {
            throw ProblemException.Invalid("file", $"The file is larger than {Importing.MaxFileBytes / 1024 / 1024} MB: split it into smaller files.");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var job = await Importing.UploadAsync(db, clock, progress, UserId(user), form["kind"], file.FileName, content.ToArray());
        return TypedResults.Created($"/api/v1/imports/{job.Id}", job);
    }

    private static async Task<Ok<Importing.JobView>> Get(Guid id, SanusDb db, ImportProgress progress, ClaimsPrincipal user) =>
        TypedResults.Ok(await Importing.GetAsync(db, progress, UserId(user), id));

    private static async Task<Ok<Importing.JobView>> SetMapping(Guid id, MappingRequest request, SanusDb db, TimeProvider clock, ImportProgress progress, ClaimsPrincipal user) =>
        TypedResults.Ok(await Importing.SetMappingAsync(db, clock, progress, UserId(user), id, request.Columns));

    private static async Task<Ok<Importing.JobView>> DryRun(Guid id, SanusDb db, TimeProvider clock, ImportProgress progress, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Importing.DryRunAsync(db, clock, progress, UserId(user), id, cancellationToken));

    private static async Task<Accepted<Importing.JobView>> Run(Guid id, RunRequest? request, SanusDb db, TimeProvider clock, ImportProgress progress, ImportWorker worker, ClaimsPrincipal user)
    {
        var job = await Importing.QueueRunAsync(db, clock, progress, worker.Enqueue, UserId(user), id, new RunChoices(request?.DefaultAction, request?.Rows));
        return TypedResults.Accepted($"/api/v1/imports/{job.Id}", job);
    }

    private static async Task<FileContentHttpResult> Errors(Guid id, SanusDb db, ClaimsPrincipal user)
    {
        var (content, name) = await Importing.ErrorReportAsync(db, UserId(user), id);
        return TypedResults.File(content, "text/csv", name);
    }
}
