using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Requirements;

/// <summary>
/// A new requirement a customer asked for, handed to design and development (JD-003, GP-012) from a post-sales inquiry
/// (INQ-2): "the product requirements issued by the clients are transferred to the design and development" (GP-009).
/// </summary>
public sealed class ProductRequirement : Entity
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid CompanyId { get; set; }

    public Guid? SourceInquiryId { get; set; }

    public string Status { get; set; } = RequirementStatus.New;
}

public static class RequirementStatus
{
    public const string New = "New";
}
