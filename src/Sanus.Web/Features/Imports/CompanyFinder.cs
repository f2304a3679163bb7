using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// Finds the company a contact row names, among the companies the importing user may see (the partner scope applies through
/// SanusDb): by id, by website domain, or by name normalised as CO-2 matches names. Several companies, separated by ";", are allowed.
/// </summary>
public sealed class CompanyFinder
{
    private readonly HashSet<Guid> _ids = [];
    private readonly Dictionary<string, List<Guid>> _byName = [];
    private readonly Dictionary<string, List<Guid>> _byDomain = [];

    public static async Task<CompanyFinder> LoadAsync(SanusDb db, CancellationToken cancellationToken)
    {
        var finder = new CompanyFinder();
        var companies = await db.Set<Company>().AsNoTracking().Select(c => new { c.Id, c.NormalizedName, c.WebsiteDomain, c.ArchivedAt }).ToListAsync(cancellationToken);
        foreach (var c in companies)
        {
            finder._ids.Add(c.Id);
            // Archived companies are found by id only: a name or website means the company in use.
            if (c.ArchivedAt is null)
            {
                Add(finder._byName, c.NormalizedName, c.Id);
                Add(finder._byDomain, c.WebsiteDomain, c.Id);
            }
        }

        return finder;
    }

    /// <summary>The ids of the companies named in the cell, or what to correct.</summary>
    public (List<Guid> Ids, string? Error) Resolve(string? cell)
    {
        var ids = new List<Guid>();
        foreach (var text in (cell ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = Find(text);
            if (found.Count != 1)
            {
                return (ids, found.Count == 0
                    ? $"No company \"{text}\" that you may see: create it first, or give its website or id."
                    : $"Several companies match \"{text}\": give its website or id instead.");
            }

            ids.Add(found[0]);
        }

        return (ids, null);
    }

    private List<Guid> Find(string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return _ids.Contains(id) ? [id] : [];
        }

        if (!text.Contains(' ', StringComparison.Ordinal) && CompanyNames.NormalizeWebsite(text) is { } website && _byDomain.TryGetValue(website.Domain, out var byDomain))
        {
            return byDomain;
        }

        return _byName.GetValueOrDefault(CompanyNames.NormalizeName(text)) ?? [];
    }

    private static void Add(Dictionary<string, List<Guid>> index, string key, Guid id)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = [];
        }

        ids.Add(id);
    }
}
