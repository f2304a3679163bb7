using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Lookups;

namespace Sanus.Web.Features.Companies.Pages;

/// <summary>The configurable lists the company screens offer as choices (the rules check the values again).</summary>
public static class CompanyLookups
{
    public static Task<List<Lookup>> ActiveAsync(SanusDb db, string list) =>
        db.Set<Lookup>().AsNoTracking().Where(l => l.List == list && l.IsActive).OrderBy(l => l.SortOrder).ToListAsync();

    /// <summary>The label of a value, or the value itself when the list no longer has it.</summary>
    public static string Label(IEnumerable<Lookup> lookups, string value) =>
        lookups.FirstOrDefault(l => l.Value == value)?.Label ?? value;
}
