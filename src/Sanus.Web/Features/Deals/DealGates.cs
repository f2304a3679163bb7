namespace Sanus.Web.Features.Deals;

/// <summary>
/// DL-4: the facts a deal must have before it may enter a stage. Moving past several stages checks every
/// gate on the way; the refusal names each missing fact.
/// </summary>
public static class DealGates
{
    public static List<string> MissingFor(Deal deal, string target, DealGateFacts facts)
    {
        var missing = new List<string>();
        var from = DealStages.IndexOf(deal.Stage);
        var to = DealStages.IndexOf(target);
        for (var i = from + 1; i <= to; i++)
        {
            missing.AddRange(MissingToEnter(deal, DealStages.InOrder[i], facts));
        }

        return missing;
    }

    /// <summary>The facts missing for this one stage's gate, whatever stage the deal is in: the deal page shows each gate's state.</summary>
    public static IEnumerable<string> MissingToEnter(Deal deal, string stage, DealGateFacts facts)
    {
        switch (stage)
        {
            case DealStages.Discovered:
                var bant = new (string Name, bool Confirmed, string? Note)[]
                {
                    ("Budget", deal.BudgetConfirmed, deal.BudgetNote), ("Authority", deal.AuthorityConfirmed, deal.AuthorityNote),
                    ("Need", deal.NeedConfirmed, deal.NeedNote), ("Timeline", deal.TimelineConfirmed, deal.TimelineNote),
                };
                var confirmed = bant.Count(c => c.Confirmed && !string.IsNullOrWhiteSpace(c.Note));
                if (confirmed < 3)
                {
                    var open = bant.Where(c => !c.Confirmed || string.IsNullOrWhiteSpace(c.Note)).Select(c => c.Name);
                    yield return $"Discovered needs at least 3 of the 4 BANT criteria confirmed, each with a note ({confirmed} confirmed; not yet: {string.Join(", ", open)}).";
                }

                break;
            case DealStages.ImplementationDefined:
                if (string.IsNullOrWhiteSpace(deal.ImplementationMethod))
                {
                    yield return "Implementation Defined needs the implementation method (iframe, API, on-premise, device delivery, …).";
                }

                if (string.IsNullOrWhiteSpace(deal.SuccessMetrics))
                {
                    yield return "Implementation Defined needs the success metrics the customer will use.";
                }

                if (string.IsNullOrWhiteSpace(deal.PricingBasis) || string.IsNullOrWhiteSpace(deal.PricingFigures))
                {
                    yield return "Implementation Defined needs the pricing basis (per patient, per report, per unit, fixed budget) with its figures.";
                }

                if (string.IsNullOrWhiteSpace(deal.ImplementationTimeline))
                {
                    yield return "Implementation Defined needs the implementation timeline.";
                }

                break;

            case DealStages.OfferSent when !facts.QuotationIssued:
                yield return "Offer Sent needs a quotation issued to the customer: no issued quotation is recorded.";
                break;
            case DealStages.OfferApproved when !facts.QuotationAccepted:
                yield return "Offer Approved needs a quotation accepted by the customer: no accepted quotation is recorded.";
                break;
            case DealStages.ContractSigned when !facts.ContractSigned:
                yield return "Contract Signed needs a contract signed by both parties: no signed contract is recorded.";
                break;
            case DealStages.PaymentDone when !facts.PaymentRecorded:
                yield return "Payment Done needs the payment recorded against the signed contract: the recorded payments don't cover the agreed amount yet.";
                break;
        }
    }
}
