using Sanus.Web.Platform.Audit;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// One import of a file (IO-1), from upload to result. Its state lives here, not in process memory, so the page can poll
/// it, a reload finds it again, and a job interrupted by a restart is run again (nothing of it was written: the run is
/// one transaction).
/// </summary>
public sealed class ImportJob : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>companies, contacts or deals (<see cref="ImportKinds"/>).</summary>
    public string Kind { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>Who uploaded it: the run acts as this user, with this user's partner scope.</summary>
    public string UserId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string Status { get; set; } = ImportStatuses.Uploaded;

    /// <summary>The file's header row, as JSON: a list of strings.</summary>
    public string HeadersJson { get; set; } = "[]";

    /// <summary>The field each column goes to, as JSON: a list as long as the header row, null for a column left out.</summary>
    public string MappingJson { get; set; } = "[]";

    /// <summary>The duplicate choices of the run, as JSON (<see cref="RunChoices"/>).</summary>
    public string? ChoicesJson { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int OkRows { get; set; }

    public int ErrorRows { get; set; }

    public int DuplicateRows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Skipped { get; set; }

    /// <summary>The rows that are not simply fine (errors and duplicates) of the last dry run or run, as JSON (<see cref="RowReport"/>).</summary>
    public string ReportJson { get; set; } = "[]";

    /// <summary>Why the job failed, when it failed for a reason other than row errors.</summary>
    public string? Message { get; set; }
}

/// <summary>The uploaded file, kept apart from the job so that polling the job does not read it.</summary>
public sealed class ImportFile : INotAudited
{
    public Guid JobId { get; set; }

    public byte[] Content { get; set; } = [];
}

public static class ImportKinds
{
    public const string Companies = "companies";
    public const string Contacts = "contacts";
    public const string Deals = "deals";

    public static readonly IReadOnlyList<string> All = [Companies, Contacts, Deals];
}

public static class ImportStatuses
{
    /// <summary>Read, columns mapped by guess: the user checks the mapping.</summary>
    public const string Uploaded = "uploaded";

    /// <summary>A dry run has reported on every row.</summary>
    public const string Checked = "checked";

    public const string Queued = "queued";
    public const string Running = "running";

    /// <summary>Written, all of it.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Nothing written: rows had errors (see the report) or the run stopped (see the message).</summary>
    public const string Failed = "failed";

    public static bool IsBusy(string status) => status is Queued or Running;
}
