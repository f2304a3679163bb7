namespace Sanus.Web.Features.Merges;

/// <summary>
/// What a merge of two duplicates did (CT-3, CO-2), kept so an administrator can undo it: the values of both
/// records before, and every association that moved from the merged record to the survivor.
/// </summary>
public sealed class MergeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>"Contact" or "Company".</summary>
    public string Kind { get; set; } = "";

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    public DateTime At { get; set; }

    public string? ByUserId { get; set; }

    /// <summary>JSON: field → value of the survivor before the merge.</summary>
    public string SurvivorBefore { get; set; } = "";

    /// <summary>JSON: field → value of the merged record before the merge.</summary>
    public string MergedBefore { get; set; } = "";

    /// <summary>JSON: the associations moved, so undo can move exactly those back.</summary>
    public string Moved { get; set; } = "";

    public DateTime? UndoneAt { get; set; }
}
