using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Tasks;

/// <summary>A to-do for a person (ACT-2), optionally linked to a deal, company and contact. Overdue is computed, never stored.</summary>
public sealed class TaskItem : Entity
{
    public string Title { get; set; } = "";

    public DateTime DueAt { get; set; }

    public string? OwnerId { get; set; }

    public bool Done { get; set; }

    public DateTime? DoneAt { get; set; }

    public Guid? DealId { get; set; }

    public Guid? CompanyId { get; set; }

    public Guid? ContactId { get; set; }

    /// <summary>The activity this task follows up, when it was created from one.</summary>
    public Guid? ActivityId { get; set; }

    public bool IsOverdue(DateTime now) => !Done && DueAt < now;
}
