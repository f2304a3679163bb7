using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Contacts;

/// <summary>What users do with contacts, with the checks that guard it (CT-1, CT-3, REC-2). Used by pages, API and import.</summary>
public static class ContactRules
{
    public sealed record ContactInput(
        string? FirstName,
        string? LastName,
        string? Email,
        string? JobTitle,
        IReadOnlyList<Guid>? CompanyIds,
        string? Phone = null,
        string? LinkedInUrl = null,
        string? OwnerId = null,
        string? Notes = null,
        bool? IsKol = null,
        string? LifecycleStage = null);

    public sealed record ContactView(
        Guid Id, int Version, string FirstName, string LastName, string Email, string JobTitle, string? Phone, string? LinkedInUrl,
        IReadOnlyList<Guid> CompanyIds, string? OwnerId, string? Notes, bool IsKol, string LifecycleStage, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
    {
        public static ContactView Of(Contact c) => new(c.Id, c.Version, c.FirstName, c.LastName, c.Email, c.JobTitle, c.Phone, c.LinkedInUrl,
            c.Companies.Select(cc => cc.CompanyId).ToList(), c.OwnerId, c.Notes, c.IsKol, c.LifecycleStage, c.CreatedAt, c.UpdatedAt, c.ArchivedAt);
    }

    public sealed record Candidate(Guid Id, string Name, string Email, string? Phone, string MatchedOn);

    public static async Task<Contact> CreateAsync(SanusDb db, ContactInput input, bool confirmedNotDuplicate)
    {
        var contact = new Contact();
        var normalized = await ValidateAsync(db, contact, input);
        var duplicates = await FindDuplicatesAsync(db, normalized.Email, normalized.Phone, normalized.FirstName, normalized.LastName, normalized.CompanyIds, exceptId: null);
        var sameEmail = duplicates.Where(d => d.MatchedOn == "email").ToList();
        if (sameEmail.Count > 0)
        {
            throw ProblemException.Conflict("A contact with this email exists", "Emails are unique: open the existing contact instead (restore it if it is archived).", new Dictionary<string, object?> { ["candidates"] = sameEmail });
        }

        if (duplicates.Count > 0 && !confirmedNotDuplicate)
        {
            throw ProblemException.Conflict("This person may already exist", "A contact with the same phone, or the same name at the same company, exists. Open it instead, or send again with confirm=true.", new Dictionary<string, object?> { ["candidates"] = duplicates });
        }

        Apply(contact, normalized);
        db.Add(contact);
        await SaveAsync(db, contact, null);
        return contact;
    }

    public static async Task<Contact> UpdateAsync(SanusDb db, Guid id, ContactInput input, int? expectedVersion)
    {
        var contact = await GetAsync(db, id);
        Versioning.Check(contact, expectedVersion, () => ContactView.Of(contact));
        var normalized = await ValidateAsync(db, contact, input);
        if (normalized.Email != contact.NormalizedEmail && await db.Set<Contact>().IgnoreQueryFilters().AnyAsync(c => c.NormalizedEmail == normalized.Email && c.Id != id))
        {
            throw ProblemException.Invalid("email", "Another contact has this email. Merge the two contacts instead.");
        }

        Apply(contact, normalized);
        await SaveAsync(db, contact, expectedVersion);
        return contact;
    }

    public static async Task<Contact> SetArchivedAsync(SanusDb db, TimeProvider clock, Guid id, bool archived, int? expectedVersion)
    {
        var contact = await GetAsync(db, id);
        Versioning.Check(contact, expectedVersion, () => ContactView.Of(contact));
        contact.ArchivedAt = archived ? contact.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await Versioning.SaveAsync(db, contact, expectedVersion, ContactView.Of);
        return contact;
    }

    public static async Task<Contact> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Contact>().Include(c => c.Companies).SingleOrDefaultAsync(c => c.Id == id) ?? throw ProblemException.NotFound("contact");

    /// <summary>Likely duplicates (CT-3): same email; same phone; same first and last name at one of the same companies.</summary>
    public static async Task<List<Candidate>> FindDuplicatesAsync(SanusDb db, string email, string? phone, string firstName, string lastName, IReadOnlyList<Guid> companyIds, Guid? exceptId)
    {
        var sortName = Contact.SortKey(firstName, lastName);
        var matches = await db.Set<Contact>().AsNoTracking().Include(c => c.Companies)
            .Where(c => c.Id != exceptId && c.ArchivedAt == null)
            .Where(c => c.NormalizedEmail == email
                || (phone != null && c.Phone == phone)
                || (c.SortName == sortName && c.Companies.Any(cc => companyIds.Contains(cc.CompanyId))))
            .OrderBy(c => c.LastName).Take(10)
            .ToListAsync();
        return matches.Select(c => new Candidate(c.Id, c.FullName, c.Email, c.Phone,
            MatchedOn(c.NormalizedEmail, c.Phone, c.SortName, c.Companies.Select(cc => cc.CompanyId), email, phone, sortName, companyIds) ?? "name and company")).ToList();
    }

    /// <summary>Why an existing contact is a likely duplicate of a new one (CT-3), or null when it is not; imports match in memory with it.</summary>
    public static string? MatchedOn(string existingEmail, string? existingPhone, string existingSortName, IEnumerable<Guid> existingCompanyIds, string email, string? phone, string sortName, IReadOnlyCollection<Guid> companyIds) =>
        existingEmail == email ? "email"
        : phone != null && existingPhone == phone ? "phone"
        : existingSortName == sortName && existingCompanyIds.Any(companyIds.Contains) ? "name and company"
        : null;

    /// <summary>What validation needs from the database: the companies named (id → country, only those the caller may see) and the active users.</summary>
    public sealed record Facts(IReadOnlyDictionary<Guid, string> CompanyCountries, IReadOnlySet<string> ActiveUserIds);

    /// <summary>Loads the facts once; null reads every company the caller may see, or every active user (for imports).</summary>
    public static async Task<Facts> LoadFactsAsync(SanusDb db, IReadOnlyCollection<Guid>? companyIds, IReadOnlyCollection<string>? ownerIds)
    {
        var companies = db.Set<Company>().AsQueryable();
        if (companyIds is not null)
        {
            companies = companies.Where(c => companyIds.Contains(c.Id));
        }

        var users = db.Users.Where(u => u.IsActive);
        if (ownerIds is not null)
        {
            users = users.Where(u => ownerIds.Contains(u.Id));
        }

        return new Facts(
            await companies.Select(c => new { c.Id, c.Country }).ToDictionaryAsync(c => c.Id, c => c.Country),
            (await users.Select(u => u.Id).ToListAsync()).ToHashSet());
    }

    public sealed record Normalized(string FirstName, string LastName, string Email, string JobTitle, string? Phone, string? LinkedIn, List<Guid> CompanyIds, string? OwnerId, string? Notes, bool IsKol, string LifecycleStage);

    private static async Task<Normalized> ValidateAsync(SanusDb db, Contact contact, ContactInput input)
    {
        var facts = await LoadFactsAsync(db, (input.CompanyIds ?? []).Distinct().ToList(), input.OwnerId is { Length: > 0 } owner ? [owner] : []);
        var (normalized, errors) = Validate(contact, input, facts);
        return normalized ?? throw ProblemException.Invalid(errors);
    }

    /// <summary>
    /// The validation of a contact's fields against <paramref name="contact"/>'s current state: the normalised values, or the errors by
    /// field. Nothing is changed or saved; imports validate each row with it.
    /// </summary>
    public static (Normalized? Value, Dictionary<string, string[]> Errors) Validate(Contact contact, ContactInput input, Facts facts)
    {
        var errors = new Dictionary<string, string[]>();
        string Required(string? value, string field, string message, int max = 100)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0)
            {
                errors[field] = [message];
            }
            else if (text.Length > max)
            {
                errors[field] = [$"Use at most {max} characters."];
            }

            return text;
        }

        var firstName = Required(input.FirstName, "firstName", "Enter the first name.");
        var lastName = Required(input.LastName, "lastName", "Enter the last name.");
        var jobTitle = Required(input.JobTitle, "jobTitle", "Enter the job title, e.g. \"Head of Orthopaedic Surgery\".", 200);
        var email = Required(input.Email, "email", "Enter the email address.", 254);
        if (email.Length > 0 && !ContactFields.IsEmail(email))
        {
            errors["email"] = ["Enter an email address such as ana.lopez@hospital.es."];
        }

        var companyIds = (input.CompanyIds ?? []).Distinct().ToList();
        var countries = companyIds.Where(facts.CompanyCountries.ContainsKey).Select(id => facts.CompanyCountries[id]).ToList();
        if (companyIds.Count == 0)
        {
            errors["companyIds"] = ["Choose at least one company the contact works for."];
        }
        else if (countries.Count != companyIds.Count)
        {
            errors["companyIds"] = ["One of the companies doesn't exist or you may not see it."];
        }

        var (phone, phoneError) = ContactFields.NormalizePhone(input.Phone, countries.FirstOrDefault());
        if (phoneError is not null)
        {
            errors["phone"] = [phoneError];
        }

        string? linkedIn = null;
        if (!string.IsNullOrWhiteSpace(input.LinkedInUrl))
        {
            linkedIn = ContactFields.NormalizeLinkedIn(input.LinkedInUrl);
            if (linkedIn is null)
            {
                errors["linkedInUrl"] = ["Paste the LinkedIn profile address, e.g. https://www.linkedin.com/in/ana-lopez."];
            }
        }

        var stage = string.IsNullOrWhiteSpace(input.LifecycleStage) ? contact.LifecycleStage : input.LifecycleStage.Trim();
        if (!LifecycleStages.InOrder.Contains(stage))
        {
            errors["lifecycleStage"] = [$"Choose one of: {string.Join(", ", LifecycleStages.InOrder)}."];
        }

        if (input.OwnerId is { Length: > 0 } ownerId && !facts.ActiveUserIds.Contains(ownerId))
        {
            errors["ownerId"] = ["Choose an active user as the owner."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Normalized(firstName, lastName, ContactFields.NormalizeEmail(email), jobTitle, phone, linkedIn, companyIds,
            string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId, string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(), input.IsKol ?? contact.IsKol, stage), errors);
    }

    /// <summary>Applies validated values to the contact (not saved).</summary>
    public static void Apply(Contact contact, Normalized n)
    {
        contact.FirstName = n.FirstName;
        contact.LastName = n.LastName;
        contact.Email = n.Email;
        contact.JobTitle = n.JobTitle;
        contact.Phone = n.Phone;
        contact.LinkedInUrl = n.LinkedIn;
        contact.OwnerId = n.OwnerId;
        contact.Notes = n.Notes;
        contact.IsKol = n.IsKol;
        contact.LifecycleStage = n.LifecycleStage;
        contact.RefreshDerived();
        contact.Companies.RemoveAll(cc => !n.CompanyIds.Contains(cc.CompanyId));
        foreach (var companyId in n.CompanyIds.Where(id => contact.Companies.All(cc => cc.CompanyId != id)))
        {
            contact.Companies.Add(new ContactCompany { ContactId = contact.Id, CompanyId = companyId });
        }
    }

    /// <summary>The unique email index is the last word: a concurrent insert of the same email becomes a clear refusal.</summary>
    private static async Task SaveAsync(SanusDb db, Contact contact, int? expectedVersion)
    {
        try
        {
            await Versioning.SaveAsync(db, contact, expectedVersion, ContactView.Of);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            db.Entry(contact).State = EntityState.Detached;
            if (await db.Set<Contact>().IgnoreQueryFilters().AnyAsync(c => c.NormalizedEmail == contact.NormalizedEmail && c.Id != contact.Id))
            {
                throw ProblemException.Invalid("email", "Another contact has this email.");
            }

            throw;
        }
    }
}
