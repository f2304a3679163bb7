using Sanus.Web.Platform.Records;
using Sanus.Web.Platform.Search;

namespace Sanus.Web.Features.Companies;

/// <summary>
/// One global entity the maker deals with (CO-1, CO-2): a hospital group, a distributor, a pharma company.
/// Local branches are sites of it, not companies of their own.
/// </summary>
public sealed class Company : Entity, ISearchable
{
    /// <summary>The brand it is best known for ("Novartis"), not the legal entity name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Upper-case name without punctuation or legal suffixes, for duplicate matching (CO-2).</summary>
    public string NormalizedName { get; set; } = "";

    public string? LegalName { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; set; } = "";

    /// <summary>Normalised: https scheme, lower case, no "www.", no trailing slash.</summary>
    public string Website { get; set; } = "";

    /// <summary>The website's host without "www.", for duplicate matching (CO-2).</summary>
    public string WebsiteDomain { get; set; } = "";

    /// <summary>A value of the configurable company-kind list (end-customer, distributor, …).</summary>
    public string Kind { get; set; } = "end-customer";

    public string LeadStatus { get; set; } = LeadStatuses.New;

    public string? OwnerId { get; set; }

    public string? Region { get; set; }

    public string? Tier { get; set; }

    public string? AcquisitionChannel { get; set; }

    /// <summary>Deal classes this company is a prospect for, comma-separated values of the deal-class list.</summary>
    public string? DealClassTags { get; set; }

    public string? Notes { get; set; }

    /// <summary>Recomputes what is derived from the typed fields: the matching name and the search text.</summary>
    public void RefreshDerived()
    {
        NormalizedName = CompanyNames.NormalizeName(Name);
        SearchText = Platform.Search.SearchText.Of(Name, LegalName, WebsiteDomain, Country);
    }

    /// <summary>Folded name, email, website, phone…: what full-text search matches (kept by the rules).</summary>
    public string SearchText { get; set; } = "";
}

/// <summary>CO-4 lead status values. New is set on creation; the automatic moves come with activities and deals.</summary>
public static class LeadStatuses
{
    public const string New = "New";
    public const string Open = "Open";
    public const string InProgress = "In progress";
    public const string OpenDeal = "Open deal";
    public const string Unqualified = "Unqualified";
    public const string Attempted = "Attempted";
    public const string Connected = "Connected";
    public const string BadTiming = "Bad timing";

    public static readonly IReadOnlyList<string> All = [New, Open, InProgress, OpenDeal, Unqualified, Attempted, Connected, BadTiming];
}
