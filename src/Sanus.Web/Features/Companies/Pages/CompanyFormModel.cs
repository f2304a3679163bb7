using Sanus.Web.Components.Shared;

namespace Sanus.Web.Features.Companies.Pages;

/// <summary>What the company form holds while the person types: kept as typed, so a refusal never loses input (UX-4).</summary>
public sealed class CompanyFormModel
{
    public string? Name { get; set; }

    public string? Country { get; set; }

    public string? Website { get; set; }

    public string? Kind { get; set; } = "end-customer";

    public string? LegalName { get; set; }

    public string? Region { get; set; }

    public string? Tier { get; set; }

    public string? AcquisitionChannel { get; set; }

    public string? Notes { get; set; }

    public string? LeadStatus { get; set; }

    // Not edited on this form yet, but an update replaces every field: carry them so saving does not clear them.
    public string? OwnerId { get; set; }

    public string? DealClassTags { get; set; }

    public static CompanyFormModel From(CompanyRules.CompanyView view) => new()
    {
        Name = view.Name,
        Country = view.Country,
        Website = view.Website,
        Kind = view.Kind,
        LegalName = view.LegalName,
        Region = view.Region,
        Tier = view.Tier,
        AcquisitionChannel = view.AcquisitionChannel,
        Notes = view.Notes,
        LeadStatus = view.LeadStatus,
        OwnerId = view.OwnerId,
        DealClassTags = view.DealClassTags,
    };

    public CompanyRules.CompanyInput ToInput() =>
        new(Name, Country, Website, LegalName, Kind, OwnerId, Region, Tier, AcquisitionChannel, DealClassTags, Notes, LeadStatus);

    /// <summary>The fields where the stored company differs from what this form holds, for the conflict view.</summary>
    public List<FieldDifference> DifferencesFrom(CompanyRules.CompanyView theirs)
    {
        var fields = new (string Label, string? Theirs, string? Yours)[]
        {
            ("Name", theirs.Name, Name),
            ("Country", theirs.Country, Country),
            ("Website", theirs.Website, Website),
            ("Kind", theirs.Kind, Kind),
            ("Lead status", theirs.LeadStatus, LeadStatus),
            ("Legal name", theirs.LegalName, LegalName),
            ("Region", theirs.Region, Region),
            ("Tier", theirs.Tier, Tier),
            ("Acquisition channel", theirs.AcquisitionChannel, AcquisitionChannel),
            ("Notes", theirs.Notes, Notes),
        };
        return fields
            .Where(f => !string.Equals(Blank(f.Theirs), Blank(f.Yours), StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Label, f.Theirs, f.Yours))
            .ToList();
    }

    private static string Blank(string? value) => value?.Trim() ?? "";
}
