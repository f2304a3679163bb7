using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Web.Features.Contacts;

/// <summary>A person at one or more companies (CT-1).</summary>
public sealed class Contact : Entity, ISearchable
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Lower-case email: unique in the database, so the same person can't be typed twice (CT-3).</summary>
    public string NormalizedEmail { get; set; } = "";

    public string JobTitle { get; set; } = "";

    /// <summary>"last first" in lower case: the key the list sorts and pages by.</summary>
    public string SortName { get; set; } = "";

    /// <summary>International E.164 form, e.g. +34912345678.</summary>
    public string? Phone { get; set; }

    public string? LinkedInUrl { get; set; }

    public string? OwnerId { get; set; }

    public string? Notes { get; set; }

    /// <summary>Key opinion leader (ACM-5).</summary>
    public bool IsKol { get; set; }

    public string LifecycleStage { get; set; } = LifecycleStages.MarketingQualifiedLead;

    public List<ContactCompany> Companies { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Recomputes what is derived from the typed fields: the normalised email, the sort key and the search text.</summary>
    public void RefreshDerived()
    {
        NormalizedEmail = Email.Trim().ToLowerInvariant();
        SortName = SortKey(FirstName, LastName);
        SearchText = Platform.Search.SearchText.Of(FirstName, LastName, Email, Platform.Search.SearchText.Phone(Phone), JobTitle);
    }

    /// <summary>"last first" in lower case: how the list sorts and how the same person typed twice is matched (CT-3).</summary>
    public static string SortKey(string firstName, string lastName) => (lastName + " " + firstName).ToLowerInvariant();

    /// <summary>Folded name, email, website, phone…: what full-text search matches (kept by the rules).</summary>
    public string SearchText { get; set; } = "";
}

/// <summary>A contact works for a company; a contact may work for several.</summary>
public sealed class ContactCompany
{
    public Guid ContactId { get; set; }

    public Guid CompanyId { get; set; }
}

/// <summary>CT-2 lifecycle stages, in order; the automatic moves come with deals and never go backwards.</summary>
public static class LifecycleStages
{
    public const string MarketingQualifiedLead = "Marketing Qualified Lead";
    public const string SalesQualifiedLead = "Sales Qualified Lead";
    public const string Opportunity = "Opportunity";
    public const string Customer = "Customer";

    public static readonly IReadOnlyList<string> InOrder = [MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer];
}
