using System.Collections.Concurrent;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// Rows written so far by the imports running in this process. The run is one transaction and SQLite allows one writer, so the
/// count can't be written to the job row while the run holds the lock; it is kept here until the outcome commits with the job.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, int> _written = new();

    public void Set(Guid job, int rows) => _written[job] = rows;

    public int? Get(Guid job) => _written.TryGetValue(job, out var rows) ? rows : null;

    public void Remove(Guid job) => _written.TryRemove(job, out _);
}
