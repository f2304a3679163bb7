namespace Sanus.Web.Features.Quotations;

/// <summary>The figures of one line that the totals need.</summary>
public sealed record LineFigures(decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal TaxRatePercent)
{
    public static LineFigures Of(QuotationLine line) => new(line.Quantity, line.UnitPrice, line.DiscountPercent, line.TaxRatePercent);
}

/// <summary>The tax of one rate: the taxable base after every discount and the tax on it.</summary>
public sealed record TaxAmount(decimal RatePercent, decimal Base, decimal Tax);

/// <summary>
/// Q-2 totals, computed only here and only in decimal (ADR 0006): every amount is kept exact through the whole
/// computation, and each printed figure is rounded once, half away from zero, to cents by <see cref="Cents"/>.
/// The grand total is the rounded exact sum, so a printed column may differ from the grand total by a cent; the
/// grand total is never the sum of rounded parts. The pages recompute with this same code as the user types.
/// </summary>
public sealed record QuotationTotals(
    decimal Subtotal,
    decimal LineDiscounts,
    decimal OverallDiscount,
    decimal Net,
    IReadOnlyList<TaxAmount> Taxes,
    decimal GrandTotal,
    decimal DiscountPercent,
    IReadOnlyList<decimal> LineAmounts)
{
    public static readonly QuotationTotals Zero = Of([], 0m);

    public decimal TotalTax => Taxes.Sum(t => t.Tax);

    public static QuotationTotals Of(IReadOnlyList<LineFigures> lines, decimal overallDiscountPercent)
    {
        var gross = lines.Select(l => l.Quantity * l.UnitPrice).ToList();
        var afterLine = lines.Select((l, i) => gross[i] - (gross[i] * l.DiscountPercent / 100m)).ToList();
        var keep = 1m - (overallDiscountPercent / 100m);

        // The overall discount spreads over the lines in proportion, so each tax rate is charged on its own net base.
        var taxes = lines.Select((l, i) => (Rate: l.TaxRatePercent, Base: afterLine[i] * keep))
            .GroupBy(x => x.Rate)
            .OrderBy(g => g.Key)
            .Select(g => new TaxAmount(g.Key, g.Sum(x => x.Base), g.Sum(x => x.Base) * g.Key / 100m))
            .ToList();

        var subtotal = gross.Sum();
        var afterLineDiscounts = afterLine.Sum();
        var overall = afterLineDiscounts - (afterLineDiscounts * keep);
        var net = afterLineDiscounts - overall;
        var grand = net + taxes.Sum(t => t.Tax);
        var discountPercent = subtotal == 0m ? 0m : (subtotal - net) / subtotal * 100m;
        return new QuotationTotals(
            Cents(subtotal),
            Cents(subtotal - afterLineDiscounts),
            Cents(overall),
            Cents(net),
            [.. taxes.Select(t => new TaxAmount(t.RatePercent, Cents(t.Base), Cents(t.Tax)))],
            Cents(grand),
            decimal.Round(discountPercent, 4, MidpointRounding.AwayFromZero),
            [.. afterLine.Select(Cents)]);
    }

    public static QuotationTotals Of(Quotation quotation) =>
        Of([.. quotation.Lines.OrderBy(l => l.Position).Select(LineFigures.Of)], quotation.OverallDiscountPercent);

    /// <summary>The one rounding of the quotation: an exact amount to the cent, half away from zero.</summary>
    public static decimal Cents(decimal exact) => decimal.Round(exact, 2, MidpointRounding.AwayFromZero);

    public static long Minor(decimal cents) => (long)(cents * 100m);
}
