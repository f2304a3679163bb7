using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;

namespace Sanus.Web.Platform.Search;

/// <summary>
/// Full-text matching over a record's SearchText, every word as a prefix ("ana lop" finds Ana López).
/// SQLite answers from an FTS5 index kept by triggers; PostgreSQL from a GIN index on a tsvector.
/// Both keep the query composable, so filters, partner scope and paging still apply.
/// </summary>
public static class FullText
{
    public static IQueryable<Company> Companies(SanusDb db, string query) =>
        Match(db, db.Set<Company>(), "Company", "CompanySearch", query);

    public static IQueryable<Contact> Contacts(SanusDb db, string query) =>
        Match(db, db.Set<Contact>(), "Contact", "ContactSearch", query);

    public static IQueryable<Deal> Deals(SanusDb db, string query) =>
        Match(db, db.Set<Deal>(), "Deal", "DealSearch", query);

    private static IQueryable<T> Match<T>(SanusDb db, DbSet<T> set, string table, string ftsTable, string query)
        where T : class, ISearchable
    {
        var words = SearchText.Words(query);
        if (words.Count == 0)
        {
            return set.Where(_ => false);
        }

        if (db.IsPostgres)
        {
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return set.Where(r => EF.Functions.ToTsVector("simple", r.SearchText).Matches(EF.Functions.ToTsQuery("simple", tsQuery)));
        }

        var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
#pragma warning disable EF1002 // Table names are constants of this class; the user's words travel as a parameter.
        return set.FromSqlRaw($"SELECT t.* FROM \"{table}\" t WHERE t.rowid IN (SELECT rowid FROM \"{ftsTable}\" WHERE \"{ftsTable}\" MATCH {{0}})", match);
#pragma warning restore EF1002
    }
}

/// <summary>A record with a SearchText column indexed for full-text search.</summary>
public interface ISearchable
{
    string SearchText { get; }
}
