using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;

namespace Sanus.Web.Features.Implementation;

public sealed record TrainingCompanyView(Guid CompanyId, string CompanyName, Guid? PlanId, string? PlanName);

public sealed record MaterialView(Guid Id, string Title, string? Url, Guid? FileId);

/// <summary>An attendee with their assessment; <see cref="Passed"/> is null until they are assessed.</summary>
public sealed record AttendeeView(Guid ContactId, string Name, bool Attended, int? Score, bool? Passed, DateTime? AssessedAt);

/// <summary>A training session as the API and the session page show it.</summary>
public sealed record TrainingView(
    Guid Id, string Kind, string Title, DateTime ScheduledAt, int DurationMinutes, string? TrainerId, string? TrainerName, string? Recurrence,
    int PassMark, string? Notes, IReadOnlyList<TrainingCompanyView> Companies, IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<AttendeeView> Attendees, int Version)
{
    public static async Task<TrainingView> OfAsync(SanusDb db, TrainingSession session)
    {
        // Only the companies and contacts the caller may see are named (ACC-3): a partner sees their part of a webinar.
        var companyIds = session.Links.Select(l => l.CompanyId).ToList();
        var companies = await db.Set<Company>().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        var planIds = session.Links.Where(l => l.PlanId != null).Select(l => l.PlanId!.Value).ToList();
        var plans = await db.Set<ImplementationPlan>().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        var contactIds = session.Attendees.Select(a => a.ContactId).ToList();
        var contacts = await db.Set<Contact>().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName }).ToDictionaryAsync(c => c.Id, c => $"{c.FirstName} {c.LastName}");
        var trainers = await Trainings.TrainerNamesAsync(db, [session.TrainerId]);
        return new TrainingView(
            session.Id, session.Kind, session.Title, session.ScheduledAt, session.DurationMinutes, session.TrainerId,
            session.TrainerId is null ? null : trainers.GetValueOrDefault(session.TrainerId), session.Recurrence, session.PassMark, session.Notes,
            [.. session.Links.Where(l => companies.ContainsKey(l.CompanyId)).OrderBy(l => companies[l.CompanyId], StringComparer.Ordinal)
                .Select(l => new TrainingCompanyView(l.CompanyId, companies[l.CompanyId], l.PlanId, l.PlanId is { } p ? plans.GetValueOrDefault(p) : null))],
            [.. session.Materials.OrderBy(m => m.Position).Select(m => new MaterialView(m.Id, m.Title, m.Url, m.FileId))],
            [.. session.Attendees.Where(a => contacts.ContainsKey(a.ContactId)).OrderBy(a => contacts[a.ContactId], StringComparer.Ordinal)
                .Select(a => new AttendeeView(a.ContactId, contacts[a.ContactId], a.Attended, a.Score, a.Score is { } s ? TrainingSettings.Passed(s, session.PassMark) : null, a.AssessedAt))],
            session.Version);
    }
}
