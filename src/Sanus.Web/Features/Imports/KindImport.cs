using Sanus.Web.Data;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// The import of one kind of record. It loads what it needs from the database once, then checks every row in memory with the
/// rules of that kind (the same methods the forms and the API use) and against the existing records for duplicates, and
/// remembers what each good row will do; <see cref="WriteAsync"/> then writes that plan in batches.
/// </summary>
public abstract class KindImport
{
    /// <summary>Rows written per SaveChanges: large enough to amortise the round trips, small enough to keep the change tracker quick.</summary>
    protected const int BatchSize = 2000;

    public static KindImport For(string kind, TimeProvider clock) => kind switch
    {
        ImportKinds.Companies => new CompanyImport(),
        ImportKinds.Deals => new DealImport(clock),
        _ => new ContactImport(),
    };

    /// <summary>The reason written on every audit entry of the run, naming the file and the job.</summary>
    public string? AuditReason { get; set; }

    public abstract Task LoadAsync(SanusDb db, CancellationToken cancellationToken);

    /// <summary>
    /// Checks one row: null when it is fine, otherwise its errors or the record it may duplicate. With <paramref name="choices"/>
    /// (a run) a duplicate gets the chosen action, and an action that is not possible becomes an error.
    /// </summary>
    public abstract RowReport? Check(int row, IReadOnlyDictionary<string, string?> values, RunChoices? choices);

    /// <summary>Writes what the checked rows planned, inside the caller's transaction; <paramref name="progress"/> gets the rows written so far.</summary>
    public abstract Task<(int Created, int Updated)> WriteAsync(SanusDb db, Action<int> progress, CancellationToken cancellationToken);

    protected static List<RowError> Errors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.SelectMany(e => e.Value.Select(message => new RowError(e.Key, message))).ToList();

    /// <summary>Saves a batch and forgets it, so the change tracker stays small over a long file.</summary>
    protected async Task FlushAsync(SanusDb db, CancellationToken cancellationToken)
    {
        db.AuditReason = AuditReason;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The action for a duplicate, or an error when it is not possible for this match.</summary>
    protected static (string? Action, RowError? Error) Choose(int row, Candidate candidate, RunChoices choices, bool createAllowed)
    {
        var action = choices.For(row);
        if (!DuplicateActions.All.Contains(action))
        {
            return (null, new RowError("action", $"Choose one of: {string.Join(", ", DuplicateActions.All)}."));
        }

        if (action == DuplicateActions.Create && !createAllowed)
        {
            return (null, new RowError("action", $"A record with the same {candidate.MatchedOn} exists and it must be unique: skip this row or update that record."));
        }

        // An earlier row of the same file is not written yet, so there is nothing to update: the row is skipped.
        return (action == DuplicateActions.Update && candidate.Id is null ? DuplicateActions.Skip : action, null);
    }
}

/// <summary>A row that passed the check failed when written (the record changed meanwhile): the run stops and nothing is written.</summary>
public sealed class ImportRowsFailedException(RowReport report) : Exception($"Row {report.Row} could not be written.")
{
    public RowReport Report { get; } = report;
}
