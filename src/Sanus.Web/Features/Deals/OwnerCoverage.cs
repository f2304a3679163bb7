namespace Sanus.Web.Features.Deals;

/// <summary>Which deal classes a Business Development person covers (DL-7): the pool a deal's owner comes from.</summary>
public sealed class OwnerCoverage
{
    public string UserId { get; set; } = "";

    public string DealClass { get; set; } = "";
}
