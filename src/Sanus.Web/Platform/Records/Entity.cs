namespace Sanus.Web.Platform.Records;

/// <summary>
/// A business record that users edit: it has a version for optimistic concurrency (REC-2) and is
/// archived instead of deleted. The audit interceptor maintains <see cref="Version"/>, the time stamps
/// and the archive state changes; use cases never set them by hand.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;
}
