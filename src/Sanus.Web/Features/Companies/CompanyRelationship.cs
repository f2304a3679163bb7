using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Companies;

/// <summary>A typed link between two companies (CO-3), read "From {Type} To": "Iberia Ortho is distributor of Hospital X".</summary>
public sealed class CompanyRelationship : Entity
{
    public Guid FromCompanyId { get; set; }

    public Guid ToCompanyId { get; set; }

    /// <summary>A value of the configurable relationship-type list.</summary>
    public string Type { get; set; } = "";
}

public static class RelationshipTypes
{
    public const string DistributorOf = "distributor-of";
    public const string ParentOf = "parent-of";
    public const string PaysFor = "pays-for";
    public const string PartnerOf = "partner-of";

    public static readonly IReadOnlyList<(string Value, string Label)> Defaults =
    [
        (DistributorOf, "distributor of"), (ParentOf, "parent of"), (PaysFor, "pays for"), (PartnerOf, "partner of"),
    ];
}
