using System.Globalization;
using static Sanus.Web.Features.Implementation.Trainings;

namespace Sanus.Web.Features.Implementation.Pages;

/// <summary>What the session form holds while the user types.</summary>
public sealed class TrainingFormModel
{
    public sealed record CompanyChoice(Guid Id, string Name, Guid? PlanId, string? PlanName);

    public sealed class Material
    {
        public string? Title { get; set; }

        public string? Url { get; set; }

        public Guid? FileId { get; set; }
    }

    public string? Kind { get; set; } = TrainingKinds.Individual;

    public string? Title { get; set; }

    /// <summary>yyyy-MM-ddTHH:mm in UTC, as a datetime-local input gives it.</summary>
    public string? ScheduledAt { get; set; }

    public int? DurationMinutes { get; set; } = 60;

    public string? TrainerId { get; set; }

    public string? Recurrence { get; set; }

    public int? PassMark { get; set; }

    public string? Notes { get; set; }

    public List<CompanyChoice> Companies { get; set; } = [];

    public List<Material> Materials { get; set; } = [];

    public static TrainingFormModel From(TrainingView view) => new()
    {
        Kind = view.Kind,
        Title = view.Title,
        ScheduledAt = view.ScheduledAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        DurationMinutes = view.DurationMinutes,
        TrainerId = view.TrainerId,
        Recurrence = view.Recurrence,
        PassMark = view.PassMark,
        Notes = view.Notes,
        Companies = [.. view.Companies.Select(c => new CompanyChoice(c.CompanyId, c.CompanyName, c.PlanId, c.PlanName))],
        Materials = [.. view.Materials.Select(m => new Material { Title = m.Title, Url = m.Url, FileId = m.FileId })],
    };

    public TrainingInput ToInput() => new(
        Kind, Title,
        DateTime.TryParseExact(ScheduledAt, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null,
        DurationMinutes, TrainerId, Recurrence, PassMark, Notes,
        [.. Companies.Where(c => c.PlanId is null).Select(c => c.Id)],
        [.. Companies.Where(c => c.PlanId is not null).Select(c => c.PlanId!.Value)],
        [.. Materials.Select(m => new MaterialInput(m.Title, m.Url, m.FileId))]);
}
