using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Quotations;

public sealed record QuotationLineView(
    int Position, string Description, decimal Quantity, string Unit, decimal UnitPrice, decimal DiscountPercent, decimal TaxRatePercent,
    decimal Amount, Guid? ProductId, string? OptionCode, string? Sku, string? ReferenceRegulation);

public sealed record TotalsView(decimal Subtotal, decimal LineDiscounts, decimal OverallDiscount, decimal Net, IReadOnlyList<TaxAmount> Taxes, decimal GrandTotal, decimal DiscountPercent);

public sealed record RevisionSummary(Guid Id, string Number, int Revision, string Status, long TotalMinor, string Currency, DateOnly ValidUntil, DateTime? IssuedAt);

/// <summary>A quotation revision as the API returns it: lines, totals, discount, approval, signatures and its sibling revisions.</summary>
public sealed record QuotationView(
    Guid Id,
    Guid DealId,
    string Number,
    int Revision,
    string Status,
    string Template,
    string Currency,
    string Channel,
    DateOnly ValidUntil,
    string Terms,
    string? ReferenceRegulation,
    decimal OverallDiscountPercent,
    IReadOnlyList<QuotationLineView> Lines,
    TotalsView Totals,
    long TotalMinor,
    ApprovalState Approval,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<RevisionSummary> Revisions,
    DateTime? IssuedAt,
    bool HasDocument,
    DateTime? AcceptedAt,
    DateTime? RejectedAt,
    DateOnly? DecidedOn,
    Guid? DecidedByContactId,
    string? DecisionNote,
    Guid? DecisionEvidenceFileId,
    int Version)
{
    /// <summary>Whether the revision may still be edited, approved and issued.</summary>
    public bool IsDraft => Status is QuotationStatus.Draft or QuotationStatus.AwaitingApproval or QuotationStatus.Approved;

    public static async Task<QuotationView> LoadAsync(SanusDb db, Quotation q)
    {
        var totals = QuotationTotals.Of(q);
        var lines = q.Lines.OrderBy(l => l.Position).ToList();
        var signatures = await db.Set<Signature>().AsNoTracking().Where(s => s.RecordKind == QuotationRules.RecordKind && s.RecordId == q.Id).OrderBy(s => s.SignedAt).ToListAsync();
        return new QuotationView(
            q.Id, q.DealId, q.Number, q.Revision, q.Status, q.Template, q.Currency, q.Channel, q.ValidUntil, q.Terms, q.ReferenceRegulation, q.OverallDiscountPercent,
            [.. lines.Select((l, i) => new QuotationLineView(l.Position, l.Description, l.Quantity, l.Unit, l.UnitPrice, l.DiscountPercent, l.TaxRatePercent, totals.LineAmounts[i], l.ProductId, l.OptionCode, l.Sku, l.ReferenceRegulation))],
            TotalsOf(totals),
            q.TotalMinor,
            await QuotationRules.ApprovalAsync(db, q),
            [.. signatures.Select(SignatureView.Of)],
            [.. (await QuotationRules.RevisionsAsync(db, q)).Select(Summary)],
            q.IssuedAt, q.DocumentFileId is not null, q.AcceptedAt, q.RejectedAt, q.DecidedOn, q.DecidedByContactId, q.DecisionNote, q.DecisionEvidenceFileId, q.Version);
    }

    public static TotalsView TotalsOf(QuotationTotals t) => new(t.Subtotal, t.LineDiscounts, t.OverallDiscount, t.Net, t.Taxes, t.GrandTotal, t.DiscountPercent);

    public static RevisionSummary Summary(Quotation q) => new(q.Id, q.Number, q.Revision, q.Status, q.TotalMinor, q.Currency, q.ValidUntil, q.IssuedAt);
}
