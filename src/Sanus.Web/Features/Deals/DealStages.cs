namespace Sanus.Web.Features.Deals;

/// <summary>The stages of the pipeline (DL-2), in order, and Lost. Lead is not a stage: no deal exists before a business opportunity.</summary>
public static class DealStages
{
    public const string Prospected = "Prospected";
    public const string Qualified = "Qualified";
    public const string Discovered = "Discovered";
    public const string ImplementationDefined = "Implementation Defined";
    public const string OfferSent = "Offer Sent";
    public const string OfferApproved = "Offer Approved";
    public const string ContractSigned = "Contract Signed";
    public const string PaymentDone = "Payment Done";
    public const string Lost = "Lost";

    public static readonly IReadOnlyList<string> InOrder = [Prospected, Qualified, Discovered, ImplementationDefined, OfferSent, OfferApproved, ContractSigned, PaymentDone];

    public static readonly IReadOnlyList<string> All = [.. InOrder, Lost];

    public static readonly IReadOnlyDictionary<string, int> DefaultProbabilities = new Dictionary<string, int>
    {
        [Prospected] = 5,
        [Qualified] = 10,
        [Discovered] = 20,
        [ImplementationDefined] = 40,
        [OfferSent] = 60,
        [OfferApproved] = 80,
        [ContractSigned] = 100,
        [PaymentDone] = 100,
        [Lost] = 0,
    };

    public static int IndexOf(string stage) => stage == Lost ? -1 : InOrder.ToList().IndexOf(stage);

    /// <summary>A deal is won at Contract Signed or Payment Done (DL-2).</summary>
    public static bool IsWon(string stage) => stage is ContractSigned or PaymentDone;

    public static bool IsOpen(string stage) => stage != Lost && !IsWon(stage);

    public static readonly IReadOnlyList<(string Value, string Label)> Origins =
    [
        ("inbound-enquiry", "Inbound enquiry"), ("outreach", "Outreach"), ("event", "Event"), ("referral", "Referral"), ("partner", "Partner"), ("existing-customer", "Existing customer"),
    ];
}
