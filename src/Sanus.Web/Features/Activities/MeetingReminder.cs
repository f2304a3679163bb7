namespace Sanus.Web.Features.Activities;

/// <summary>
/// A reminder email due before a meeting (ACT-3). It lives in the database, not in the scheduler's memory, so a
/// restart loses nothing: the job sends whatever is due and not yet sent.
/// </summary>
public sealed class MeetingReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ActivityId { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>Set when sent (the sent flag). A concurrency token: two nodes can't both claim the same reminder.</summary>
    public DateTime? SentAt { get; set; }
}
