using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Complaints;

/// <summary>
/// The intake of a complaint about the medical device (AE-1, GP-014), raised from a post-sales inquiry for now. The
/// Quality Manager's review (AE-2: seriousness, reportability, the regulatory clock) builds on it; the clocks start at
/// <see cref="AwareAt"/>.
/// </summary>
public sealed class Complaint : Entity
{
    public Guid CompanyId { get; set; }

    /// <summary>The site of the company where it happened, when known.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>The inquiry it was raised from.</summary>
    public Guid? InquiryId { get; set; }

    public Guid? DealId { get; set; }

    /// <summary>The product or model as the reporter named it.</summary>
    public string Device { get; set; } = "";

    /// <summary>The UDI as typed or scanned (parsed once UDI-1 exists).</summary>
    public string? Udi { get; set; }

    public string? Lot { get; set; }

    public string? SerialNumber { get; set; }

    /// <summary>When we became aware of it (UTC): the 2 h / 24 h clocks start here.</summary>
    public DateTime AwareAt { get; set; }

    public string Description { get; set; } = "";

    public Guid? ReporterContactId { get; set; }

    /// <summary>The reporter's name when they are not a contact (or as they introduced themselves).</summary>
    public string? ReporterName { get; set; }

    /// <summary>Whether a patient was harmed: yes, no or unknown (<see cref="PatientHarm"/>).</summary>
    public string PatientHarmed { get; set; } = PatientHarm.Unknown;

    public string Status { get; set; } = ComplaintStatus.AwaitingQualityReview;
}

public static class ComplaintStatus
{
    public const string AwaitingQualityReview = "Awaiting quality review";
}

public static class PatientHarm
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<(string Value, string Label)> All = [(Yes, "Yes"), (No, "No"), (Unknown, "Unknown")];

    public static string Label(string value) => All.FirstOrDefault(v => v.Value == value).Label ?? value;
}
