using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using static Sanus.Web.Features.Deals.DealRules;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// Deals from a file (IO-1): each row validated by <see cref="DealRules.TryApply"/>, the rules of the form and the API. The company
/// column names a company the importing user may see (by name, website or id); the owner is an active user by email; the contacts are
/// contacts of that company by email. Every deal starts at Prospected: an import never skips the gates (DL-4). A row duplicates an
/// open deal with the same company and description.
/// </summary>
public sealed class DealImport(TimeProvider clock) : KindImport
{
    private const string MatchedOn = "company and description";

    /// <summary>A deal the file's rows are compared with: an existing open one (Id) or an earlier row of the file (Row).</summary>
    private sealed record Known(Guid? Id, int? Row, string Name);

    private sealed record Planned(int Row, Deal? New, Guid? ExistingId, DealInput Input);

    private readonly Dictionary<(Guid CompanyId, string Description), Known> _open = [];
    private readonly List<Planned> _plan = [];
    private readonly Dictionary<string, string> _userIdByEmail = [];
    private readonly Dictionary<(Guid CompanyId, string Email), Guid> _contactByCompanyAndEmail = [];
    private CompanyFinder _companies = null!;
    private Facts _facts = null!;
    private DateTime _now;

    public override async Task LoadAsync(SanusDb db, CancellationToken cancellationToken)
    {
        _now = clock.GetUtcNow().UtcDateTime;
        _facts = await LoadFactsAsync(db, companyIds: null, contactIds: null, ownerIds: null, dealIds: []);
        _companies = await CompanyFinder.LoadAsync(db, cancellationToken);

        foreach (var user in await db.Users.AsNoTracking().Where(u => u.IsActive && u.NormalizedEmail != null).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken))
        {
            _userIdByEmail.TryAdd(user.NormalizedEmail!, user.Id);
        }

        var contacts = await db.Set<ContactCompany>().AsNoTracking()
            .Join(db.Set<Contact>().Where(c => c.ArchivedAt == null), cc => cc.ContactId, c => c.Id, (cc, c) => new { cc.CompanyId, c.Id, c.NormalizedEmail })
            .ToListAsync(cancellationToken);
        foreach (var c in contacts)
        {
            _contactByCompanyAndEmail.TryAdd((c.CompanyId, c.NormalizedEmail), c.Id);
        }

        var open = await db.Set<Deal>().AsNoTracking()
            .Where(d => d.Stage != DealStages.Lost && d.Stage != DealStages.ContractSigned && d.Stage != DealStages.PaymentDone)
            .Select(d => new { d.Id, d.CompanyId, d.Description, d.Name }).ToListAsync(cancellationToken);
        foreach (var d in open)
        {
            _open.TryAdd(Key(d.CompanyId, d.Description), new Known(d.Id, null, d.Name));
        }
    }

    public override RowReport? Check(int row, IReadOnlyDictionary<string, string?> values, RunChoices? choices)
    {
        string? V(string field) => values.GetValueOrDefault(field);
        var errors = new List<RowError>();

        var (companyIds, companyError) = _companies.Resolve(V("company"));
        if (companyError is null && companyIds.Count > 1)
        {
            companyError = "A deal is with one company: name only one.";
        }

        Guid? companyId = companyError is null && companyIds.Count == 1 ? companyIds[0] : null;

        decimal? amount = null;
        if (V("amount") is { } amountText)
        {
            if (decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors.Add(new RowError("amount", "Enter the amount as a number with a point for decimals, e.g. 12500.50."));
            }
        }

        DateOnly? closeDate = null;
        if (V("expectedCloseDate") is { } dateText)
        {
            // Excel dates arrive as yyyy-MM-dd (or with a time when the cell had one).
            if (DateOnly.TryParseExact(dateText.Length > 10 && dateText[10] == 'T' ? dateText[..10] : dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                closeDate = parsed;
            }
            else
            {
                errors.Add(new RowError("expectedCloseDate", "Enter the date as YYYY-MM-DD, e.g. 2026-03-31."));
            }
        }

        string? ownerId = null;
        if (V("ownerEmail") is { } ownerEmail)
        {
            if (!_userIdByEmail.TryGetValue(ownerEmail.ToUpperInvariant(), out ownerId))
            {
                errors.Add(new RowError("ownerEmail", $"No active user has the email \"{ownerEmail}\": leave it empty or give the email a user signs in with."));
            }
        }

        var contactIds = new List<Guid>();
        if (companyId is { } company)
        {
            foreach (var email in (V("contactEmails") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (_contactByCompanyAndEmail.TryGetValue((company, email.ToLowerInvariant()), out var contactId))
                {
                    contactIds.Add(contactId);
                }
                else
                {
                    errors.Add(new RowError("contactEmails", $"No contact with the email \"{email}\" works for this company: import the contact first, or leave it out."));
                    break;
                }
            }
        }

        var input = new DealInput(companyId, V("description"), V("dealClass"), V("origin"), amount, V("currency"), closeDate, null, contactIds, ownerId);
        var deal = new Deal { StageEnteredAt = _now };
        var ruleErrors = Errors(TryApply(deal, input, _facts)).Select(e => e with { Field = Column(e.Field) }).ToList();
        if (companyError is not null)
        {
            // The country is the company's: without the company, its error says nothing more.
            ruleErrors.RemoveAll(e => e.Field is "company" or "country");
            ruleErrors.Add(new RowError("company", companyError));
        }

        errors.InsertRange(0, ruleErrors.Where(e => errors.All(x => x.Field != e.Field)));
        if (errors.Count > 0)
        {
            return new RowReport(row, RowStatuses.Error, errors, null);
        }

        var candidate = _open.TryGetValue(Key(deal.CompanyId, deal.Description), out var known) ? new Candidate(known.Id, known.Row, known.Name, MatchedOn) : null;
        if (candidate is null)
        {
            Plan(row, deal, input);
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
            Plan(row, deal, input);
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
            var existing = ids.Count == 0 ? [] : await db.Set<Deal>().Include(d => d.Contacts).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var previous = existing.Values.Select(d => d.PreviousPhaseDealId).OfType<Guid>().Distinct().ToList();
            var facts = previous.Count == 0 ? _facts : _facts with { DealIds = (await db.Set<Deal>().Where(d => previous.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet() };
            foreach (var planned in batch)
            {
                if (planned.New is { } deal)
                {
                    await AddAsync(db, deal);
                    created++;
                    continue;
                }

                if (!existing.TryGetValue(planned.ExistingId!.Value, out var current) || !current.IsOpen)
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, [new RowError("description", "The deal to update was closed or removed meanwhile.")], null));
                }

                var errors = TryApply(current, Merge(current, planned.Input), facts);
                if (errors.Count > 0)
                {
                    throw new ImportRowsFailedException(new RowReport(planned.Row, RowStatuses.Error, Errors(errors).Select(e => e with { Field = Column(e.Field) }).ToList(), null));
                }

                updated++;
            }

            await FlushAsync(db, cancellationToken);
            written += batch.Length;
            progress(written);
        }

        return (created, updated);
    }

    /// <summary>Updating keeps what the row leaves empty and adds the row's contacts to the deal's; the stage never changes.</summary>
    private static DealInput Merge(Deal current, DealInput row) => new(
        current.CompanyId, row.Description ?? current.Description, row.DealClass ?? current.DealClass, row.Origin ?? current.Origin,
        row.Amount ?? current.Amount, row.Currency ?? current.Currency, row.ExpectedCloseDate ?? current.ExpectedCloseDate, current.Country,
        [.. current.Contacts.Select(c => c.ContactId).Union(row.ContactIds ?? [])], row.OwnerId ?? current.OwnerId, current.Phase, current.PreviousPhaseDealId);

    /// <summary>The file's column for a field of the rules.</summary>
    private static string Column(string field) => field switch
    {
        "companyId" => "company",
        "contactIds" => "contactEmails",
        "ownerId" => "ownerEmail",
        _ => field,
    };

    private static (Guid, string) Key(Guid companyId, string description) => (companyId, description.Trim().ToUpperInvariant());

    private void Plan(int row, Deal deal, DealInput input)
    {
        _plan.Add(new Planned(row, deal, null, input));
        _open.TryAdd(Key(deal.CompanyId, deal.Description), new Known(null, row, deal.Name));
    }
}
