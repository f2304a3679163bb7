using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using static Sanus.Web.Features.Contacts.ContactRules;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// Contacts from a file (IO-1): each row validated by <see cref="ContactRules.Validate"/>, duplicates by email, phone, or name at the
/// same company (CT-3). The company column names a company the importing user may see, by name, website or id.
/// </summary>
public sealed class ContactImport : KindImport
{
    /// <summary>A contact the file's rows are compared with: an existing one (Id) or an earlier row of the file (Row).</summary>
    private sealed record Known(Guid? Id, int? Row, string Name, string Email, string? Phone, string SortName, IReadOnlyList<Guid> CompanyIds);

    private sealed record Planned(int Row, Normalized Values, Guid? ExistingId, ContactInput Input);

    private readonly Dictionary<string, Known> _byEmail = [];
    private readonly Dictionary<string, Known> _byPhone = [];
    private readonly Dictionary<string, List<Known>> _bySortName = [];
    private readonly List<Planned> _plan = [];
    private HashSet<string> _allEmails = [];
    private CompanyFinder _companies = null!;
    private Facts _facts = null!;

    public override async Task LoadAsync(SanusDb db, CancellationToken cancellationToken)
    {
        _facts = await LoadFactsAsync(db, companyIds: null, ownerIds: null);
        _companies = await CompanyFinder.LoadAsync(db, cancellationToken);

        // Every email, whoever may see it: the unique index covers archived contacts and other partners' contacts too.
        _allEmails = (await db.Set<Contact>().IgnoreQueryFilters().Select(c => c.NormalizedEmail).ToListAsync(cancellationToken)).ToHashSet();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => c.ArchivedAt == null)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.NormalizedEmail, c.Phone, c.SortName }).ToListAsync(cancellationToken);
        var links = (await db.Set<ContactCompany>().AsNoTracking().Select(cc => new { cc.ContactId, cc.CompanyId }).ToListAsync(cancellationToken))
            .ToLookup(cc => cc.ContactId, cc => cc.CompanyId);
        foreach (var c in contacts)
        {
            Remember(new Known(c.Id, null, c.FirstName + " " + c.LastName, c.NormalizedEmail, c.Phone, c.SortName, links[c.Id].ToList()));
        }
    }

    public override RowReport? Check(int row, IReadOnlyDictionary<string, string?> values, RunChoices? choices)
    {
        string? V(string field) => values.GetValueOrDefault(field);
        var (companyIds, companyError) = _companies.Resolve(V("company"));
        var input = new ContactInput(V("firstName"), V("lastName"), V("email"), V("jobTitle"), companyIds, V("phone"), V("linkedInUrl"), null, V("notes"));
        var (normalized, ruleErrors) = Validate(new Contact(), input, _facts);
        var errors = Errors(ruleErrors).Select(e => e.Field == "companyIds" ? e with { Field = "company" } : e).ToList();
        if (companyError is not null)
        {
            errors.RemoveAll(e => e.Field == "company");
            errors.Add(new RowError("company", companyError));
        }

        if (errors.Count > 0 || normalized is null)
        {
            return new RowReport(row, RowStatuses.Error, errors, null);
        }

        var sortName = Contact.SortKey(normalized.FirstName, normalized.LastName);
        var candidate = Find(normalized, sortName);
        if (candidate is null && _allEmails.Contains(normalized.Email))
        {
            return new RowReport(row, RowStatuses.Error, [new RowError("email", "Another contact has this email (archived, or one you may not see). Restore or merge that contact instead.")], null);
        }

        if (candidate is null)
        {
            Plan(row, normalized, input, sortName);
            return null;
        }

        if (choices is null)
        {
            return new RowReport(row, RowStatuses.Duplicate, [], candidate);
        }

        // Emails are unique (CT-3): a second contact with the same email can't be created, whatever the choice.
        var (action, error) = Choose(row, candidate, choices, createAllowed: candidate.MatchedOn != "email");
        if (error is not null)
        {
            return new RowReport(row, RowStatuses.Error, [error], candidate);
        }

        if (action == DuplicateActions.Create)
        {
            Plan(row, normalized, input, sortName);
        }
        else if (action == DuplicateActions.Update)
        {
            _plan.Add(new Planned(row, normalized, candidate.Id, input));
        }

        return new RowReport(row, RowStatuses.Duplicate, [], candidate, action);
    }

    public override async Task<(int Created, int Updated)> WriteAsync(SanusDb db, Action<int> progress, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, written = 0;
        foreach (var batch in _plan.Chunk(BatchSize))
        {
            var ids = batch.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).Distinct().ToList();
            var existing = ids.Count == 0 ? [] : await db.Set<Contact>().Include(c => c.Companies).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var planned in batch)
            {
                if (planned.ExistingId is null)
                {
                    var contact = new Contact();
                    Apply(contact, planned.Values);
                    db.Add(contact);
                    created++;
                    continue;
                }

                if (!existing.TryGetValue(planned.ExistingId.Value, out var current))
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, [new RowError("email", "The contact to update was archived meanwhile.")], null));
                }

                var (merged, errors) = Validate(current, Merge(current, planned.Input), _facts);
                if (merged is null)
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, Errors(errors), null));
                }

                Apply(current, merged);
                updated++;
            }

            await FlushAsync(db, cancellationToken);
            written += batch.Length;
            progress(written);
        }

        return (created, updated);
    }

    /// <summary>Updating keeps what the row leaves empty and adds the row's company to the contact's companies.</summary>
    private static ContactInput Merge(Contact current, ContactInput row) => new(
        row.FirstName ?? current.FirstName, row.LastName ?? current.LastName, row.Email ?? current.Email, row.JobTitle ?? current.JobTitle,
        [.. current.Companies.Select(cc => cc.CompanyId).Union(row.CompanyIds ?? [])], row.Phone ?? current.Phone, row.LinkedInUrl ?? current.LinkedInUrl,
        current.OwnerId, row.Notes ?? current.Notes, current.IsKol, current.LifecycleStage);

    private void Plan(int row, Normalized values, ContactInput input, string sortName)
    {
        _plan.Add(new Planned(row, values, null, input));
        Remember(new Known(null, row, values.FirstName + " " + values.LastName, values.Email, values.Phone, sortName, values.CompanyIds));
    }

    private void Remember(Known known)
    {
        _byEmail.TryAdd(known.Email, known);
        if (known.Phone is not null)
        {
            _byPhone.TryAdd(known.Phone, known);
        }

        if (!_bySortName.TryGetValue(known.SortName, out var sameName))
        {
            _bySortName[known.SortName] = sameName = [];
        }

        sameName.Add(known);
    }

    /// <summary>The first likely duplicate in the order the rules rank them: email, phone, name at the same company.</summary>
    private Candidate? Find(Normalized row, string sortName)
    {
        var possible = new List<Known>();
        possible.AddRange(_byEmail.TryGetValue(row.Email, out var byEmail) ? [byEmail] : []);
        possible.AddRange(row.Phone is not null && _byPhone.TryGetValue(row.Phone, out var byPhone) ? [byPhone] : []);
        possible.AddRange(_bySortName.GetValueOrDefault(sortName) ?? []);
        foreach (var known in possible)
        {
            if (MatchedOn(known.Email, known.Phone, known.SortName, known.CompanyIds, row.Email, row.Phone, sortName, row.CompanyIds) is { } matchedOn)
            {
                return new Candidate(known.Id, known.Row, known.Name, matchedOn);
            }
        }

        return null;
    }
}
