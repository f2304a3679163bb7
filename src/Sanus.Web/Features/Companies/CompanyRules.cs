using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Lookups;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Companies;

/// <summary>What users do with companies, with the checks that guard it (CO-1, CO-2, CO-5, REC-2). Used by pages, API and import.</summary>
public static class CompanyRules
{
    public sealed record CompanyInput(
        string? Name,
        string? Country,
        string? Website,
        string? LegalName = null,
        string? Kind = null,
        string? OwnerId = null,
        string? Region = null,
        string? Tier = null,
        string? AcquisitionChannel = null,
        string? DealClassTags = null,
        string? Notes = null,
        string? LeadStatus = null);

    public sealed record CompanyView(
        Guid Id, int Version, string Name, string? LegalName, string Country, string Website, string WebsiteDomain, string Kind,
        string LeadStatus, string? OwnerId, string? Region, string? Tier, string? AcquisitionChannel, string? DealClassTags, string? Notes,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
    {
        public static CompanyView Of(Company c) => new(c.Id, c.Version, c.Name, c.LegalName, c.Country, c.Website, c.WebsiteDomain, c.Kind,
            c.LeadStatus, c.OwnerId, c.Region, c.Tier, c.AcquisitionChannel, c.DealClassTags, c.Notes, c.CreatedAt, c.UpdatedAt, c.ArchivedAt);
    }

    public sealed record Candidate(Guid Id, string Name, string Country, string Website, string MatchedOn);

    public static async Task<Company> CreateAsync(SanusDb db, CompanyInput input, bool confirmedNotDuplicate)
    {
        var company = new Company { LeadStatus = LeadStatuses.New };
        await ApplyAsync(db, company, input, creating: true);
        if (!confirmedNotDuplicate)
        {
            var candidates = await FindDuplicatesAsync(db, company.NormalizedName, company.WebsiteDomain, exceptId: null);
            if (candidates.Count > 0)
            {
                throw ProblemException.Conflict(
                    "This company may already exist",
                    "A company with the same name or website domain exists. Open it instead, or send again with confirm=true to create a new one.",
                    new Dictionary<string, object?> { ["candidates"] = candidates });
            }
        }

        Add(db, company);
        await db.SaveChangesAsync();
        return company;
    }

    /// <summary>Adds a new, validated company to the context (saved by the caller): the one way a company comes into being.</summary>
    public static void Add(SanusDb db, Company company)
    {
        db.Add(company);
        if (db.PartnerScope is { } distributor)
        {
            // A partner's new company is its end customer, and so stays in the partner's scope (ACC-3).
            db.Add(new CompanyRelationship { FromCompanyId = distributor, ToCompanyId = company.Id, Type = RelationshipTypes.DistributorOf });
        }
    }

    public static async Task<Company> UpdateAsync(SanusDb db, Guid id, CompanyInput input, int? expectedVersion)
    {
        var company = await GetAsync(db, id);
        Versioning.Check(company, expectedVersion, () => CompanyView.Of(company));
        await ApplyAsync(db, company, input, creating: false);
        await Deals.DealRules.RenameForCompanyAsync(db, company);
        await Versioning.SaveAsync(db, company, expectedVersion, CompanyView.Of);
        return company;
    }

    public static async Task<Company> SetArchivedAsync(SanusDb db, TimeProvider clock, Guid id, bool archived, int? expectedVersion)
    {
        var company = await GetAsync(db, id);
        Versioning.Check(company, expectedVersion, () => CompanyView.Of(company));
        if (company.IsArchived != archived)
        {
            company.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
            await Versioning.SaveAsync(db, company, expectedVersion, CompanyView.Of);
        }

        return company;
    }

    /// <summary>A company the caller may see, archived or not; out of scope is the same as missing.</summary>
    public static async Task<Company> GetAsync(SanusDb db, Guid id) =>
        await db.Set<Company>().SingleOrDefaultAsync(c => c.Id == id) ?? throw ProblemException.NotFound("company");

    public static async Task<List<Candidate>> FindDuplicatesAsync(SanusDb db, string normalizedName, string websiteDomain, Guid? exceptId)
    {
        var matches = await db.Set<Company>().AsNoTracking()
            .Where(c => c.ArchivedAt == null && c.Id != exceptId && (c.NormalizedName == normalizedName || c.WebsiteDomain == websiteDomain))
            .OrderBy(c => c.Name).Take(10)
            .ToListAsync();
        return matches.Select(c => new Candidate(c.Id, c.Name, c.Country, c.Website, MatchedOn(c.NormalizedName, c.WebsiteDomain, normalizedName, websiteDomain)!)).ToList();
    }

    /// <summary>Why an existing company is a likely duplicate of a new one (CO-2), or null when it is not; imports match in memory with it.</summary>
    public static string? MatchedOn(string existingName, string existingDomain, string normalizedName, string websiteDomain) =>
        existingDomain == websiteDomain ? "website domain" : existingName == normalizedName ? "name" : null;

    /// <summary>What validation needs from the database: the active company kinds and the active users that may own a company.</summary>
    public sealed record Facts(IReadOnlySet<string> Kinds, IReadOnlyList<string> KindsInOrder, IReadOnlySet<string> ActiveUserIds);

    /// <summary>Loads the facts once; <paramref name="ownerIds"/> limits the users read (null reads every active user, for imports).</summary>
    public static async Task<Facts> LoadFactsAsync(SanusDb db, IReadOnlyCollection<string>? ownerIds)
    {
        var kinds = await db.Set<Lookup>().Where(l => l.List == LookupLists.CompanyKind && l.IsActive).OrderBy(l => l.SortOrder).Select(l => l.Value).ToListAsync();
        var users = db.Users.Where(u => u.IsActive);
        if (ownerIds is not null)
        {
            users = users.Where(u => ownerIds.Contains(u.Id));
        }

        return new Facts(kinds.ToHashSet(), kinds, (await users.Select(u => u.Id).ToListAsync()).ToHashSet());
    }

    private static async Task ApplyAsync(SanusDb db, Company company, CompanyInput input, bool creating)
    {
        var facts = await LoadFactsAsync(db, input.OwnerId is { Length: > 0 } owner ? [owner] : []);
        var errors = TryApply(company, input, creating, facts);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }

    /// <summary>
    /// The validation of a company's fields: on success the values are applied to <paramref name="company"/> (not saved) and no
    /// errors are returned; otherwise the company is left as it was. Imports validate each row with it, without saving.
    /// </summary>
    public static Dictionary<string, string[]> TryApply(Company company, CompanyInput input, bool creating, Facts facts)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["Enter the name the company is best known by, e.g. \"Sanitas Hospitales\"."];
        }
        else if (name.Length > 200)
        {
            errors["name"] = ["Use at most 200 characters."];
        }

        var (country, countryError) = Countries.Normalise(input.Country);
        if (countryError is not null)
        {
            errors["country"] = [countryError];
        }

        var website = CompanyNames.NormalizeWebsite(input.Website);
        if (website is null)
        {
            errors["website"] = [string.IsNullOrWhiteSpace(input.Website)
                ? "Enter the company's website, e.g. sanitas.es: it is how we tell companies apart."
                : "Enter a web address such as sanitas.es or https://www.sanitas.es."];
        }

        var kind = string.IsNullOrWhiteSpace(input.Kind) ? (creating ? "end-customer" : company.Kind) : input.Kind.Trim();
        if (!facts.Kinds.Contains(kind))
        {
            errors["kind"] = [$"Choose one of: {string.Join(", ", facts.KindsInOrder)}."];
        }

        var leadStatus = string.IsNullOrWhiteSpace(input.LeadStatus) ? company.LeadStatus : input.LeadStatus.Trim();
        if (!LeadStatuses.All.Contains(leadStatus))
        {
            errors["leadStatus"] = [$"Choose one of: {string.Join(", ", LeadStatuses.All)}."];
        }

        if (input.OwnerId is { Length: > 0 } ownerId && !facts.ActiveUserIds.Contains(ownerId))
        {
            errors["ownerId"] = ["Choose an active user as the owner."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        company.Name = name!;
        company.Country = country!;
        company.Website = website!.Value.Website;
        company.WebsiteDomain = website.Value.Domain;
        company.Kind = kind;
        company.LeadStatus = leadStatus;
        company.LegalName = Clean(input.LegalName);
        company.OwnerId = Clean(input.OwnerId);
        company.Region = Clean(input.Region);
        company.Tier = Clean(input.Tier);
        company.AcquisitionChannel = Clean(input.AcquisitionChannel);
        company.DealClassTags = Clean(input.DealClassTags);
        company.Notes = Clean(input.Notes);
        company.RefreshDerived();
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
