using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Quotations;

namespace Sanus.Web.Features.Deals;

/// <summary>The records behind the gates from Offer Sent on (DL-4), as stored.</summary>
public sealed record DealGateFacts(bool QuotationIssued, bool QuotationAccepted, bool ContractSigned, bool PaymentRecorded)
{
    public static readonly DealGateFacts None = new(false, false, false, false);

    public static async Task<DealGateFacts> LoadAsync(SanusDb db, Guid dealId)
    {
        // The facts are facts whoever asks: partner filters must not hide a quotation that was issued.
        var quotations = db.Set<Quotation>().IgnoreQueryFilters().Where(q => q.DealId == dealId && q.ArchivedAt == null);
        var contracts = db.Set<Contract>().IgnoreQueryFilters().Where(c => c.DealId == dealId && c.ArchivedAt == null);
        return new DealGateFacts(
            await quotations.AnyAsync(q => q.IssuedAt != null && q.Status != QuotationStatus.Cancelled),
            await quotations.AnyAsync(q => q.Status == QuotationStatus.Accepted),
            await contracts.AnyAsync(c => c.SignedAt != null),
            await contracts.AnyAsync(c => c.SignedAt != null && c.PaymentGateMet));
    }
}
