using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Implementation;

/// <summary>
/// A training session (IMP-2): an individual session for one customer or a (periodic) webinar for many. Attendees
/// are contacts; each may be assessed with a score against the session's pass mark.
/// </summary>
public sealed class TrainingSession : Entity
{
    public string Kind { get; set; } = TrainingKinds.Individual;

    public string Title { get; set; } = "";

    public DateTime ScheduledAt { get; set; }

    public int DurationMinutes { get; set; } = 60;

    /// <summary>The user who gives the training.</summary>
    public string? TrainerId { get; set; }

    /// <summary>For periodic webinars, how they repeat, in words ("first Tuesday of each month").</summary>
    public string? Recurrence { get; set; }

    /// <summary>The score (0–100) an attendee needs to pass, fixed when the session is created.</summary>
    public int PassMark { get; set; }

    public string? Notes { get; set; }

    public List<TrainingLink> Links { get; set; } = [];

    public List<TrainingMaterial> Materials { get; set; } = [];

    public List<TrainingAttendee> Attendees { get; set; } = [];
}

public static class TrainingKinds
{
    public const string Individual = "individual";
    public const string Webinar = "webinar";

    public static readonly IReadOnlyList<string> All = [Individual, Webinar];
}

/// <summary>A company the session is for, and the implementation plan of that company it delivers, if any.</summary>
public sealed class TrainingLink
{
    public Guid SessionId { get; set; }

    public Guid CompanyId { get; set; }

    public Guid? PlanId { get; set; }
}

/// <summary>A handout or recording: a title and a link.</summary>
public sealed class TrainingMaterial
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public string? Url { get; set; }

    /// <summary>A stored file instead of a link.</summary>
    public Guid? FileId { get; set; }
}

/// <summary>A contact invited to the session: whether they attended and their assessment score.</summary>
public sealed class TrainingAttendee
{
    public Guid SessionId { get; set; }

    public Guid ContactId { get; set; }

    public bool Attended { get; set; }

    public int? Score { get; set; }

    public DateTime? AssessedAt { get; set; }
}

/// <summary>The pass mark new sessions get when none is given (<c>Sanus:TrainingPassMark</c>, 80 by default).</summary>
public sealed record TrainingSettings(int PassMark)
{
    public const int DefaultPassMark = 80;

    public static TrainingSettings From(IConfiguration configuration) =>
        new(configuration.GetValue("Sanus:TrainingPassMark", DefaultPassMark));

    /// <summary>IMP-2: passed means a score at or above the pass mark.</summary>
    public static bool Passed(int score, int passMark) => score >= passMark;
}
