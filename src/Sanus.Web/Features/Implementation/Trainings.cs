using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Implementation;

/// <summary>What users do with training sessions (IMP-2): schedule them, list who came, and assess attendees.</summary>
public static class Trainings
{
    public sealed record MaterialInput(string? Title, string? Url, Guid? FileId = null);

    public sealed record TrainingInput(
        string? Kind,
        string? Title,
        DateTime? ScheduledAt,
        int? DurationMinutes = null,
        string? TrainerId = null,
        string? Recurrence = null,
        int? PassMark = null,
        string? Notes = null,
        IReadOnlyList<Guid>? CompanyIds = null,
        IReadOnlyList<Guid>? PlanIds = null,
        IReadOnlyList<MaterialInput>? Materials = null);

    public sealed record Filter(string? Kind = null, Guid? CompanyId = null, Guid? PlanId = null, string? TrainerId = null, DateOnly? From = null, DateOnly? To = null, string? Q = null);

    public static async Task<TrainingSession> CreateAsync(SanusDb db, TrainingSettings settings, TrainingInput input)
    {
        var session = new TrainingSession { PassMark = input.PassMark ?? settings.PassMark };
        await ApplyAsync(db, session, input);
        db.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public static async Task<TrainingSession> UpdateAsync(SanusDb db, Guid id, TrainingInput input, int? expectedVersion)
    {
        var session = await GetAsync(db, id);
        Versioning.Check(session, expectedVersion, () => Summary(session));
        if (input.PassMark is { } passMark && passMark != session.PassMark && session.Attendees.Any(a => a.Score is not null))
        {
            throw ProblemException.Conflict("The pass mark can't change now", "Attendees were already assessed against the current pass mark.", new Dictionary<string, object?> { ["passMark"] = session.PassMark });
        }

        if (input.PassMark is { } mark)
        {
            session.PassMark = mark;
        }

        await ApplyAsync(db, session, input);
        await Versioning.SaveAsync(db, session, expectedVersion, Summary);
        return session;
    }

    public static async Task<TrainingSession> GetAsync(SanusDb db, Guid id) =>
        await db.Set<TrainingSession>()
            .Include(s => s.Links).Include(s => s.Materials).Include(s => s.Attendees)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id) ?? throw ProblemException.NotFound("training session");

    public static async Task<List<TrainingSummary>> ListAsync(SanusDb db, Filter filter, int limit)
    {
        var query = db.Set<TrainingSession>().Where(s => s.ArchivedAt == null);
        if (filter.Kind is { Length: > 0 } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (filter.CompanyId is { } company)
        {
            query = query.Where(s => s.Links.Any(l => l.CompanyId == company));
        }

        if (filter.PlanId is { } plan)
        {
            query = query.Where(s => s.Links.Any(l => l.PlanId == plan));
        }

        if (filter.TrainerId is { Length: > 0 } trainer)
        {
            query = query.Where(s => s.TrainerId == trainer);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.ScheduledAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.ScheduledAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToUpperInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(s => EF.Functions.Like(s.Title.ToUpper(), pattern));
        }

        var rows = await query.OrderByDescending(s => s.ScheduledAt).ThenBy(s => s.Id).Take(limit)
            .Select(s => new
            {
                s.Id,
                s.Kind,
                s.Title,
                s.ScheduledAt,
                s.TrainerId,
                s.PassMark,
                Companies = s.Links.Count,
                Attendees = s.Attendees.Count,
                Attended = s.Attendees.Count(a => a.Attended),
                Passed = s.Attendees.Count(a => a.Score != null && a.Score >= s.PassMark),
            })
            .ToListAsync();
        var trainers = await TrainerNamesAsync(db, rows.Select(r => r.TrainerId));
        return [.. rows.Select(r => new TrainingSummary(r.Id, r.Kind, r.Title, r.ScheduledAt, r.TrainerId, r.TrainerId is null ? null : trainers.GetValueOrDefault(r.TrainerId), r.PassMark, r.Companies, r.Attendees, r.Attended, r.Passed))];
    }

    /// <summary>Invites a contact of one of the session's companies.</summary>
    public static async Task<TrainingSession> AddAttendeeAsync(SanusDb db, Guid id, Guid? contactId)
    {
        var session = await GetAsync(db, id);
        if (contactId is null)
        {
            throw ProblemException.Invalid("contactId", "Choose the contact who attends.");
        }

        var companies = session.Links.Select(l => l.CompanyId).ToList();
        if (!await db.Set<Contact>().AnyAsync(c => c.Id == contactId && c.Companies.Any(cc => companies.Contains(cc.CompanyId))))
        {
            throw ProblemException.Invalid("contactId", "Choose a contact of one of the session's companies (link their company to the session first).");
        }

        if (await db.Set<TrainingAttendee>().IgnoreQueryFilters([SanusDb.PartnerFilter]).AnyAsync(a => a.SessionId == id && a.ContactId == contactId))
        {
            throw ProblemException.Conflict("Already an attendee", "This contact is already on the session's list.", new Dictionary<string, object?>());
        }

        session.Attendees.Add(new TrainingAttendee { SessionId = session.Id, ContactId = contactId.Value });
        await db.SaveChangesAsync();
        return session;
    }

    public static async Task<TrainingSession> SetAttendanceAsync(SanusDb db, Guid id, Guid contactId, bool attended)
    {
        var session = await GetAsync(db, id);
        var attendee = Attendee(session, contactId);
        if (!attended && attendee.Score is not null)
        {
            throw ProblemException.Conflict("Assessed attendees attended", "This attendee has an assessment score; they can't be marked absent.", new Dictionary<string, object?>());
        }

        attendee.Attended = attended;
        await db.SaveChangesAsync();
        return session;
    }

    public static async Task<TrainingSession> RemoveAttendeeAsync(SanusDb db, Guid id, Guid contactId)
    {
        var session = await GetAsync(db, id);
        var attendee = Attendee(session, contactId);
        if (attendee.Attended)
        {
            throw ProblemException.Conflict("Attendance is kept", "This contact attended; their attendance and assessment stay on record.", new Dictionary<string, object?>());
        }

        session.Attendees.Remove(attendee);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>Records an attendee's score (0–100); an assessed attendee attended. Passed is score ≥ the session's pass mark.</summary>
    public static async Task<TrainingAttendee> AssessAsync(SanusDb db, TimeProvider clock, Guid id, Guid contactId, int? score)
    {
        var session = await GetAsync(db, id);
        var attendee = Attendee(session, contactId);
        if (score is null or < 0 or > 100)
        {
            throw ProblemException.Invalid("score", "Give a score from 0 to 100.");
        }

        attendee.Score = score;
        attendee.Attended = true;
        attendee.AssessedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return attendee;
    }

    /// <summary>Adds a material kept as a file (slides, a recording's handout).</summary>
    public static async Task<TrainingSession> AddMaterialFileAsync(SanusDb db, TimeProvider clock, Guid id, string? title, string fileName, string contentType, byte[] bytes)
    {
        var session = await GetAsync(db, id);
        var name = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(FileStore.SafeName(fileName)) : title.Trim();
        if (name.Length > 200)
        {
            throw ProblemException.Invalid("title", "Keep the title within 200 characters.");
        }

        var file = await FileStore.SaveAsync(db, fileName, contentType, bytes, db.CurrentUserId, clock);
        session.Materials.Add(new TrainingMaterial { SessionId = session.Id, Position = session.Materials.Count, Title = name, FileId = file.Id });
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>A material's file, for those who may see the session.</summary>
    public static async Task<StoredFile> MaterialFileAsync(SanusDb db, Guid id, Guid materialId)
    {
        var session = await GetAsync(db, id);
        var fileId = session.Materials.SingleOrDefault(m => m.Id == materialId)?.FileId ?? throw ProblemException.NotFound("material file");
        return await FileStore.FindAsync(db, fileId) ?? throw ProblemException.NotFound("material file");
    }

    public static TrainingSummary Summary(TrainingSession s) =>
        new(s.Id, s.Kind, s.Title, s.ScheduledAt, s.TrainerId, null, s.PassMark, s.Links.Count, s.Attendees.Count, s.Attendees.Count(a => a.Attended),
            s.Attendees.Count(a => a.Score is { } score && TrainingSettings.Passed(score, s.PassMark)));

    public static async Task<Dictionary<string, string>> TrainerNamesAsync(SanusDb db, IEnumerable<string?> ids)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }

    private static TrainingAttendee Attendee(TrainingSession session, Guid contactId) =>
        session.Attendees.SingleOrDefault(a => a.ContactId == contactId) ?? throw ProblemException.NotFound("attendee");

    private static async Task ApplyAsync(SanusDb db, TrainingSession session, TrainingInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Kind is null || !TrainingKinds.All.Contains(input.Kind))
        {
            errors["kind"] = [$"Choose one of: {string.Join(", ", TrainingKinds.All)}."];
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors["title"] = ["Give the session a title."];
        }
        else if (title.Length > 200)
        {
            errors["title"] = ["Keep the title within 200 characters."];
        }

        if (input.ScheduledAt is null)
        {
            errors["scheduledAt"] = ["Give the date and time of the session."];
        }

        if (input.DurationMinutes is < 5 or > 1440)
        {
            errors["durationMinutes"] = ["Choose a duration from 5 to 1440 minutes."];
        }

        if (input.PassMark is < 0 or > 100)
        {
            errors["passMark"] = ["Choose a pass mark from 0 to 100."];
        }

        var recurrence = string.IsNullOrWhiteSpace(input.Recurrence) ? null : input.Recurrence.Trim();
        if (recurrence is not null && input.Kind == TrainingKinds.Individual)
        {
            errors["recurrence"] = ["Only webinars repeat; leave the recurrence empty for an individual session."];
        }
        else if (recurrence?.Length > 200)
        {
            errors["recurrence"] = ["Keep the recurrence within 200 characters."];
        }

        if (input.Notes?.Length > 4000)
        {
            errors["notes"] = ["Keep the notes within 4000 characters."];
        }

        if (input.TrainerId is { Length: > 0 } trainer && !await db.Users.AnyAsync(u => u.Id == trainer))
        {
            errors["trainerId"] = ["Choose a user as the trainer."];
        }

        var links = await LinksAsync(db, session, input, errors);
        var materials = Materials(session, input.Materials ?? [], errors);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        session.Kind = input.Kind!;
        session.Title = title!;
        session.ScheduledAt = DateTime.SpecifyKind(input.ScheduledAt!.Value, DateTimeKind.Utc);
        session.DurationMinutes = input.DurationMinutes ?? session.DurationMinutes;
        session.TrainerId = string.IsNullOrEmpty(input.TrainerId) ? null : input.TrainerId;
        session.Recurrence = recurrence;
        session.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        session.Links.RemoveAll(l => !links.Contains(l));
        session.Links.AddRange(links.Where(l => !session.Links.Contains(l)));
        session.Materials.Clear();
        session.Materials.AddRange(materials);
    }

    /// <summary>
    /// The companies the session is for: those named, plus the company of each plan it delivers. Links to companies the
    /// caller can't see (another partner's customers on a shared webinar) are kept as they are.
    /// </summary>
    private static async Task<List<TrainingLink>> LinksAsync(SanusDb db, TrainingSession session, TrainingInput input, Dictionary<string, string[]> errors)
    {
        var companyIds = (input.CompanyIds ?? []).Distinct().ToList();
        var planIds = (input.PlanIds ?? []).Distinct().ToList();
        var plans = await db.Set<ImplementationPlan>().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.CompanyId }).ToListAsync();
        if (plans.Count != planIds.Count)
        {
            errors["planIds"] = ["One of the implementation plans does not exist or you may not see it."];
        }

        var wanted = companyIds.Union(plans.Select(p => p.CompanyId)).ToList();
        var linkedNow = session.Links.Select(l => l.CompanyId).ToList();
        var visible = await db.Set<Company>().Where(c => wanted.Contains(c.Id) || linkedNow.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        if (companyIds.Any(c => !visible.Contains(c)))
        {
            errors["companyIds"] = ["One of the companies does not exist or you may not see it."];
        }

        var links = session.Links.Where(l => !visible.Contains(l.CompanyId)).ToList();
        foreach (var company in wanted.Where(visible.Contains))
        {
            var existing = session.Links.SingleOrDefault(l => l.CompanyId == company);
            var link = existing ?? new TrainingLink { SessionId = session.Id, CompanyId = company };
            link.PlanId = plans.FirstOrDefault(p => p.CompanyId == company)?.Id;
            links.Add(link);
        }

        if (input.Kind == TrainingKinds.Individual && links.Count != 1)
        {
            errors["companyIds"] = ["An individual session is for one customer: choose exactly one company (or its plan)."];
        }

        if (db.PartnerScope is not null && links.Count == 0)
        {
            errors["companyIds"] = ["Choose at least one of your customers."];
        }

        return links;
    }

    private static List<TrainingMaterial> Materials(TrainingSession session, IReadOnlyList<MaterialInput> inputs, Dictionary<string, string[]> errors)
    {
        var materials = new List<TrainingMaterial>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var title = input.Title?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > 200)
            {
                errors[$"materials[{i}].title"] = ["Give the material a title (up to 200 characters)."];
            }

            // A file is uploaded to the session itself; naming another record's file id would expose it through this session.
            if (input.FileId is { } fileId && !session.Materials.Any(m => m.FileId == fileId))
            {
                errors[$"materials[{i}].fileId"] = ["Upload the file to this session; keep the file ids it lists."];
            }

            var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
            if (url is null && input.FileId is null)
            {
                errors[$"materials[{i}].url"] = ["Give a link to the material."];
            }
            else if (url is not null && (url.Length > 1000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                errors[$"materials[{i}].url"] = ["Give a web address starting with https://."];
            }

            materials.Add(new TrainingMaterial { SessionId = session.Id, Position = i, Title = title ?? "", Url = url, FileId = input.FileId });
        }

        return materials;
    }
}

/// <summary>A session in lists.</summary>
public sealed record TrainingSummary(Guid Id, string Kind, string Title, DateTime ScheduledAt, string? TrainerId, string? TrainerName, int PassMark, int Companies, int Attendees, int Attended, int Passed);
