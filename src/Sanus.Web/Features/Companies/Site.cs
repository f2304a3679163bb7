using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Companies;

/// <summary>A local branch, hospital or warehouse of a company (CO-2): where visits, installations and stock happen.</summary>
public sealed class Site : Entity
{
    public Guid CompanyId { get; set; }

    public string Name { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
