namespace Sanus.Web.Platform.Lookups;

/// <summary>
/// A value of a configurable list (company kinds, relationship types, …): data, not code, so an
/// administrator can add values without a release. Rules refer to values by <see cref="Value"/>.
/// </summary>
public sealed class Lookup
{
    public string List { get; set; } = "";

    public string Value { get; set; } = "";

    public string Label { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

public static class LookupLists
{
    public const string CompanyKind = "company-kind";
    public const string RelationshipType = "relationship-type";
}
