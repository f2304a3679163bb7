using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using static Sanus.Web.Features.Companies.CompanyRules;

namespace Sanus.Web.Features.Imports;

/// <summary>Companies from a file (IO-1): each row validated by <see cref="CompanyRules.TryApply"/>, duplicates by name or website domain (CO-2).</summary>
public sealed class CompanyImport : KindImport
{
    /// <summary>A company the file's rows are compared with: an existing one (Id) or an earlier row of the file (Row).</summary>
    private sealed record Known(Guid? Id, int? Row, string Name, string NormalizedName, string Domain);

    private sealed record Planned(int Row, Company? New, Guid? ExistingId, CompanyInput Input);

    private readonly Dictionary<string, Known> _byName = [];
    private readonly Dictionary<string, Known> _byDomain = [];
    private readonly List<Planned> _plan = [];
    private Facts _facts = null!;

    public override async Task LoadAsync(SanusDb db, CancellationToken cancellationToken)
    {
        _facts = await LoadFactsAsync(db, ownerIds: null);
        var existing = await db.Set<Company>().AsNoTracking().Where(c => c.ArchivedAt == null)
            .Select(c => new { c.Id, c.Name, c.NormalizedName, c.WebsiteDomain }).ToListAsync(cancellationToken);
        foreach (var c in existing)
        {
            Remember(new Known(c.Id, null, c.Name, c.NormalizedName, c.WebsiteDomain));
        }
    }

    public override RowReport? Check(int row, IReadOnlyDictionary<string, string?> values, RunChoices? choices)
    {
        string? V(string field) => values.GetValueOrDefault(field);
        var input = new CompanyInput(V("name"), V("country"), V("website"), V("legalName"), V("kind"), null, V("region"), V("tier"),
            V("acquisitionChannel"), V("dealClassTags"), V("notes"), V("leadStatus"));
        var company = new Company { LeadStatus = LeadStatuses.New };
        var errors = TryApply(company, input, creating: true, _facts);
        if (errors.Count > 0)
        {
            return new RowReport(row, RowStatuses.Error, Errors(errors), null);
        }

        var candidate = Find(company.NormalizedName, company.WebsiteDomain);
        if (candidate is null)
        {
            Plan(row, company, input);
            return null;
        }

        if (choices is null)
        {
            return new RowReport(row, RowStatuses.Duplicate, [], candidate);
        }

        var (action, error) = Choose(row, candidate, choices, createAllowed: true);
        if (error is not null)
        {
            return new RowReport(row, RowStatuses.Error, [error], candidate);
        }

        if (action == DuplicateActions.Create)
        {
            Plan(row, company, input);
        }
        else if (action == DuplicateActions.Update)
        {
            _plan.Add(new Planned(row, null, candidate.Id, input));
        }

        return new RowReport(row, RowStatuses.Duplicate, [], candidate, action);
    }

    public override async Task<(int Created, int Updated)> WriteAsync(SanusDb db, Action<int> progress, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, written = 0;
        foreach (var batch in _plan.Chunk(BatchSize))
        {
            var ids = batch.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).Distinct().ToList();
            var existing = ids.Count == 0 ? [] : await db.Set<Company>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var planned in batch)
            {
                if (planned.New is { } company)
                {
                    CompanyRules.Add(db, company);
                    created++;
                    continue;
                }

                if (!existing.TryGetValue(planned.ExistingId!.Value, out var current))
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, [new RowError("name", "The company to update was archived or removed meanwhile.")], null));
                }

                var errors = TryApply(current, Merge(current, planned.Input), creating: false, _facts);
                if (errors.Count > 0)
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, Errors(errors), null));
                }

                updated++;
            }

            await FlushAsync(db, cancellationToken);
            written += batch.Length;
            progress(written);
        }

        return (created, updated);
    }

    /// <summary>Updating keeps what the row leaves empty: a file with fewer columns never erases fields.</summary>
    private static CompanyInput Merge(Company current, CompanyInput row) => new(
        row.Name ?? current.Name, row.Country ?? current.Country, row.Website ?? current.Website, row.LegalName ?? current.LegalName,
        row.Kind ?? current.Kind, current.OwnerId, row.Region ?? current.Region, row.Tier ?? current.Tier,
        row.AcquisitionChannel ?? current.AcquisitionChannel, row.DealClassTags ?? current.DealClassTags, row.Notes ?? current.Notes,
        row.LeadStatus ?? current.LeadStatus);

    private void Plan(int row, Company company, CompanyInput input)
    {
        _plan.Add(new Planned(row, company, null, input));
        Remember(new Known(null, row, company.Name, company.NormalizedName, company.WebsiteDomain));
    }

    private void Remember(Known known)
    {
        _byName.TryAdd(known.NormalizedName, known);
        _byDomain.TryAdd(known.Domain, known);
    }

    private Candidate? Find(string normalizedName, string domain)
    {
        foreach (var known in new[] { _byDomain.GetValueOrDefault(domain), _byName.GetValueOrDefault(normalizedName) })
        {
            if (known is not null && MatchedOn(known.NormalizedName, known.Domain, normalizedName, domain) is { } matchedOn)
            {
                return new Candidate(known.Id, known.Row, known.Name, matchedOn);
            }
        }

        return null;
    }
}
