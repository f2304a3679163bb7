using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Companies;

/// <summary>Sites of a company (CO-2).</summary>
public static class SiteRules
{
    public sealed record SiteInput(string? Name, string? Country, string? Address = null, double? Latitude = null, double? Longitude = null);

    public sealed record SiteView(Guid Id, int Version, Guid CompanyId, string Name, string Country, string? Address, double? Latitude, double? Longitude, DateTime? ArchivedAt)
    {
        public static SiteView Of(Site s) => new(s.Id, s.Version, s.CompanyId, s.Name, s.Country, s.Address, s.Latitude, s.Longitude, s.ArchivedAt);
    }

    public static async Task<List<SiteView>> ListAsync(SanusDb db, Guid companyId, bool includeArchived)
    {
        await CompanyRules.GetAsync(db, companyId);
        var sites = await db.Set<Site>().AsNoTracking()
            .Where(s => s.CompanyId == companyId && (includeArchived || s.ArchivedAt == null))
            .OrderBy(s => s.Name).ToListAsync();
        return sites.Select(SiteView.Of).ToList();
    }

    public static async Task<Site> AddAsync(SanusDb db, Guid companyId, SiteInput input)
    {
        await CompanyRules.GetAsync(db, companyId);
        var site = new Site { CompanyId = companyId };
        Apply(site, input);
        db.Add(site);
        await db.SaveChangesAsync();
        return site;
    }

    public static async Task<Site> UpdateAsync(SanusDb db, Guid companyId, Guid siteId, SiteInput input, int? expectedVersion)
    {
        var site = await GetAsync(db, companyId, siteId);
        Versioning.Check(site, expectedVersion, () => SiteView.Of(site));
        Apply(site, input);
        await Versioning.SaveAsync(db, site, expectedVersion, SiteView.Of);
        return site;
    }

    public static async Task<Site> SetArchivedAsync(SanusDb db, TimeProvider clock, Guid companyId, Guid siteId, bool archived)
    {
        var site = await GetAsync(db, companyId, siteId);
        site.ArchivedAt = archived ? site.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync();
        return site;
    }

    private static async Task<Site> GetAsync(SanusDb db, Guid companyId, Guid siteId) =>
        await db.Set<Site>().SingleOrDefaultAsync(s => s.Id == siteId && s.CompanyId == companyId) ?? throw ProblemException.NotFound("site");

    private static void Apply(Site site, SiteInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["Enter the site's name, e.g. \"Hospital Universitario La Moraleja\"."];
        }

        var (country, countryError) = Countries.Normalise(input.Country);
        if (countryError is not null)
        {
            errors["country"] = [countryError];
        }

        if (input.Latitude is < -90 or > 90)
        {
            errors["latitude"] = ["Latitude goes from -90 to 90 degrees."];
        }

        if (input.Longitude is < -180 or > 180)
        {
            errors["longitude"] = ["Longitude goes from -180 to 180 degrees."];
        }

        if ((input.Latitude is null) != (input.Longitude is null))
        {
            errors[input.Latitude is null ? "latitude" : "longitude"] = ["Give both latitude and longitude, or neither."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        site.Name = name!;
        site.Country = country!;
        site.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        site.Latitude = input.Latitude;
        site.Longitude = input.Longitude;
    }
}
