using Sanus.Web.Components.Shared;

namespace Sanus.Web.Features.Contacts.Pages;

/// <summary>A company the contact works for, with the name the form shows.</summary>
public sealed record ContactCompanyRef(Guid Id, string Name);

/// <summary>What the contact form holds while the person types: kept as typed, so a refusal never loses input (UX-4).</summary>
public sealed class ContactFormModel
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? JobTitle { get; set; }

    public List<ContactCompanyRef> Companies { get; set; } = [];

    public string? Phone { get; set; }

    public string? LinkedInUrl { get; set; }

    public bool IsKol { get; set; }

    public string? Notes { get; set; }

    // Not edited on this form, but an update replaces every field: carried so saving does not clear it.
    public string? OwnerId { get; set; }

    public static ContactFormModel From(ContactRules.ContactView view, IReadOnlyDictionary<Guid, string> companyNames) => new()
    {
        FirstName = view.FirstName,
        LastName = view.LastName,
        Email = view.Email,
        JobTitle = view.JobTitle,
        // A company the user may not see keeps its place (the rules refuse rather than silently dropping it).
        Companies = view.CompanyIds.Select(id => new ContactCompanyRef(id, companyNames.GetValueOrDefault(id, "(a company you may not see)"))).ToList(),
        Phone = view.Phone,
        LinkedInUrl = view.LinkedInUrl,
        IsKol = view.IsKol,
        Notes = view.Notes,
        OwnerId = view.OwnerId,
    };

    /// <summary>The input for the rules; the lifecycle stage is left out because it moves on its own (CT-2).</summary>
    public ContactRules.ContactInput ToInput() =>
        new(FirstName, LastName, Email, JobTitle, Companies.Select(c => c.Id).ToList(), Phone, LinkedInUrl, OwnerId, Notes, IsKol);

    public List<FieldDifference> DifferencesFrom(ContactRules.ContactView theirs, IReadOnlyDictionary<Guid, string> companyNames)
    {
        string Names(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => companyNames.GetValueOrDefault(id, id.ToString())).Order(StringComparer.CurrentCulture));
        var fields = new (string Label, string? Theirs, string? Yours)[]
        {
            ("First name", theirs.FirstName, FirstName),
            ("Last name", theirs.LastName, LastName),
            ("Email", theirs.Email, Email),
            ("Job title", theirs.JobTitle, JobTitle),
            ("Companies", Names(theirs.CompanyIds), Names(Companies.Select(c => c.Id))),
            ("Phone", theirs.Phone, Phone),
            ("LinkedIn", theirs.LinkedInUrl, LinkedInUrl),
            ("KOL", theirs.IsKol ? "Yes" : "No", IsKol ? "Yes" : "No"),
            ("Notes", theirs.Notes, Notes),
        };
        return fields
            .Where(f => !string.Equals(f.Theirs?.Trim() ?? "", f.Yours?.Trim() ?? "", StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Label, f.Theirs, f.Yours))
            .ToList();
    }
}
