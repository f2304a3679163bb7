using System.Globalization;

namespace Sanus.Web.Features.Quotations.Pages;

/// <summary>One line as the editor holds it while the user types; the unit price of a catalogue line is only shown.</summary>
public sealed class LineModel
{
    public Guid? ProductId { get; set; }

    public string? OptionCode { get; set; }

    public string? Description { get; set; }

    public decimal? Quantity { get; set; } = 1m;

    public string? Unit { get; set; }

    public decimal? UnitPrice { get; set; }

    public decimal? DiscountPercent { get; set; }

    public decimal? TaxRatePercent { get; set; }

    public string? Sku { get; set; }

    /// <summary>Why the catalogue has no price for this line yet, shown by the line.</summary>
    public string? PriceProblem { get; set; }

    public LineInput ToInput() => new(Description, Quantity, Unit, UnitPrice, DiscountPercent, TaxRatePercent, ProductId, OptionCode);

    public LineFigures Figures() => new(Quantity ?? 0m, UnitPrice ?? 0m, DiscountPercent ?? 0m, TaxRatePercent ?? 0m);
}

/// <summary>The quotation editor's fields (Q-2); totals are recomputed live by <see cref="QuotationTotals"/>, the same code the system saves with.</summary>
public sealed class QuotationEditModel
{
    public DateTime? ValidUntil { get; set; }

    public string? Currency { get; set; }

    public string? Channel { get; set; }

    public string? Terms { get; set; }

    public string? ReferenceRegulation { get; set; }

    public decimal? OverallDiscountPercent { get; set; }

    public List<LineModel> Lines { get; set; } = [];

    public QuotationTotals Totals => QuotationTotals.Of([.. Lines.Select(l => l.Figures())], OverallDiscountPercent ?? 0m);

    public static QuotationEditModel From(QuotationView view) => new()
    {
        ValidUntil = view.ValidUntil.ToDateTime(TimeOnly.MinValue),
        Currency = view.Currency,
        Channel = view.Channel,
        Terms = view.Terms,
        ReferenceRegulation = view.ReferenceRegulation,
        OverallDiscountPercent = view.OverallDiscountPercent,
        Lines = [.. view.Lines.Select(l => new LineModel
        {
            ProductId = l.ProductId, OptionCode = l.OptionCode, Description = l.Description, Quantity = l.Quantity, Unit = l.Unit,
            UnitPrice = l.UnitPrice, DiscountPercent = l.DiscountPercent, TaxRatePercent = l.TaxRatePercent, Sku = l.Sku,
        })],
    };

    public QuotationRules.UpdateInput ToInput() => new(
        ValidUntil is { } d ? DateOnly.FromDateTime(d) : null, Currency, Channel, Terms, ReferenceRegulation, OverallDiscountPercent, [.. Lines.Select(l => l.ToInput())]);

    public static string Money(string currency, decimal amount) => $"{currency} {amount.ToString("#,0.00", CultureInfo.InvariantCulture)}";

    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
