namespace Sanus.Web.Features.Deals;

/// <summary>Default values of the configurable lists the pipeline uses (DL-5, DL-6).</summary>
public static class DealLookups
{
    public const string DealClassList = "deal-class";
    public const string LostReasonList = "lost-reason";

    public static readonly IReadOnlyList<(string Value, string Label)> DealClasses =
    [
        ("care-inpatient-public", "Care provider – inpatient – public"),
        ("care-inpatient-private-for-profit", "Care provider – inpatient – private for-profit"),
        ("care-inpatient-private-non-profit", "Care provider – inpatient – private non-profit"),
        ("care-outpatient-public", "Care provider – outpatient – public"),
        ("care-outpatient-private-for-profit", "Care provider – outpatient – private for-profit"),
        ("care-outpatient-private-non-profit", "Care provider – outpatient – private non-profit"),
        ("pharma-clinical-trials", "Pharmaceutical – clinical trials"),
        ("pharma-marketing", "Pharmaceutical – marketing"),
        ("insurer", "Insurer"),
        ("distributor-resale", "Distributor (resale)"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> LostReasons =
    [
        ("price", "Price"), ("competitor", "Chose a competitor"), ("no-budget", "No budget"), ("timing", "Bad timing"),
        ("no-decision", "No decision"), ("product-fit", "Product doesn't fit"), ("regulatory", "Regulatory obstacle"), ("other", "Other"),
    ];
}
