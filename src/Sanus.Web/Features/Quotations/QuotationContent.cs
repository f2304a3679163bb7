using System.Globalization;

namespace Sanus.Web.Features.Quotations;

/// <summary>
/// REC-3: what an approval signature is bound to — everything the customer reads on the revision. Numbers are
/// written as invariant text so the hash is the same whichever database the decimals came back from.
/// </summary>
public sealed record QuotationContent(
    string Number,
    int Revision,
    Guid DealId,
    string Template,
    string Currency,
    string Channel,
    DateOnly ValidUntil,
    string Terms,
    string? ReferenceRegulation,
    string OverallDiscountPercent,
    long TotalMinor,
    IReadOnlyList<QuotationContent.Line> Lines)
{
    public sealed record Line(string Description, string Quantity, string Unit, long UnitPriceHundredthCents, string DiscountPercent, string TaxRatePercent, Guid? ProductId, string? OptionCode, string? Sku);

    public static QuotationContent Of(Quotation q) => new(
        q.Number, q.Revision, q.DealId, q.Template, q.Currency, q.Channel, q.ValidUntil, q.Terms, q.ReferenceRegulation,
        Text(q.OverallDiscountPercent), q.TotalMinor,
        [.. q.Lines.OrderBy(l => l.Position).Select(l => new Line(l.Description, Text(l.Quantity), l.Unit, l.UnitPriceHundredthCents, Text(l.DiscountPercent), Text(l.TaxRatePercent), l.ProductId, l.OptionCode, l.Sku))]);

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
