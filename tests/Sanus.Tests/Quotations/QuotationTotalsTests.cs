using Sanus.Web.Features.Quotations;
using Sanus.Web.Platform.Problems;

namespace Sanus.Tests.Quotations;

/// <summary>Q-2 totals, to the cent: graduated API tiers, clinical-trial fees, discounts, tax per rate, one rounding (ADR 0006).</summary>
public sealed class QuotationTotalsTests
{
    private static QuotationTotals Totals(IEnumerable<LineInput> lines, decimal overall = 0m) =>
        QuotationTotals.Of([.. lines.Select(l => new LineFigures(l.Quantity!.Value, l.UnitPrice!.Value, l.DiscountPercent ?? 0m, l.TaxRatePercent ?? 0m))], overall);

    private static readonly ApiPlanInput Plan = new("Osteon AI Reports", "report", 6000m, 12, 2500m,
        [new TierInput(1000m, 2.00m), new TierInput(5000m, 1.50m), new TierInput(null, 1.00m)]);

    [Fact]
    public void Api_tiers_are_graduated_per_month_over_the_minimum_term_with_one_line_per_tier()
    {
        var lines = TemplateLines.Api(Plan, 21m);

        Assert.Equal(["Osteon AI Reports: set-up fee", "Osteon AI Reports: reports 1–1,000 per month × 12 months", "Osteon AI Reports: reports 1,001–5,000 per month × 12 months", "Osteon AI Reports: reports above 5,000 per month × 12 months"],
            lines.Select(l => l.Description));
        Assert.Equal([1m, 12_000m, 48_000m, 12_000m], lines.Select(l => l.Quantity!.Value));
        Assert.Equal([2500m, 2.00m, 1.50m, 1.00m], lines.Select(l => l.UnitPrice!.Value));

        var totals = Totals(lines);
        Assert.Equal(110_500.00m, totals.Subtotal);
        Assert.Equal(110_500.00m, totals.Net);
        Assert.Equal(23_205.00m, Assert.Single(totals.Taxes).Tax);
        Assert.Equal(133_705.00m, totals.GrandTotal);
        Assert.Equal(0m, totals.DiscountPercent);
    }

    [Fact]
    public void A_volume_inside_the_first_tier_gets_only_that_tier()
    {
        var lines = TemplateLines.Api(Plan with { MonthlyVolume = 800m, SetUpFee = 0m }, 0m);

        var only = Assert.Single(lines);
        Assert.Equal(9_600m, only.Quantity);
        Assert.Equal(19_200.00m, Totals(lines).GrandTotal);
    }

    [Fact]
    public void Tiers_that_do_not_go_up_are_refused_naming_the_field()
    {
        var refused = Assert.Throws<ProblemException>(() => TemplateLines.Api(Plan with { Tiers = [new TierInput(5000m, 2m), new TierInput(1000m, 1m)] }, 0m));

        Assert.True(refused.Errors.ContainsKey("api.tiers"));
    }

    [Fact]
    public void Overall_discount_applies_after_line_discounts_and_tax_is_charged_on_the_discounted_base()
    {
        var lines = TemplateLines.Api(Plan, 21m);

        var totals = Totals(lines, overall: 12.5m);

        Assert.Equal(110_500.00m, totals.Subtotal);
        Assert.Equal(13_812.50m, totals.OverallDiscount);
        Assert.Equal(96_687.50m, totals.Net);
        Assert.Equal(20_304.38m, Assert.Single(totals.Taxes).Tax);
        Assert.Equal(116_991.88m, totals.GrandTotal);
        Assert.Equal(12.5m, totals.DiscountPercent);
    }

    [Fact]
    public void Clinical_trial_fees_per_site_patient_and_read_and_fixed_phases()
    {
        var lines = TemplateLines.ClinicalTrial(new ClinicalTrialInput(3, 120, 4, 5000m, 350m, 45.50m, [new PhaseInput("Set-up", 8000m), new PhaseInput("Close-out", 4000.50m)]), 21m);
        lines[2] = lines[2] with { DiscountPercent = 10m };

        var totals = Totals(lines);

        Assert.Equal(["site", "patient", "read", "phase", "phase"], lines.Select(l => l.Unit));
        Assert.Equal(480m, lines[2].Quantity);
        Assert.Equal(90_840.50m, totals.Subtotal);
        Assert.Equal(2_184.00m, totals.LineDiscounts);
        Assert.Equal(88_656.50m, totals.Net);
        Assert.Equal(18_617.87m, Assert.Single(totals.Taxes).Tax);
        Assert.Equal(107_274.37m, totals.GrandTotal);
        Assert.Equal(2.4042m, totals.DiscountPercent);
    }

    [Fact]
    public void Tax_is_shown_per_rate_and_four_decimal_unit_prices_stay_exact()
    {
        var totals = Totals([
            new LineInput("Reads", 333m, "read", 0.0125m, 0m, 21m),
            new LineInput("Manual", 1m, "each", 19.99m, 0m, 4m),
        ]);

        Assert.Equal([4m, 21m], totals.Taxes.Select(t => t.RatePercent));
        Assert.Equal(4.16m, totals.Taxes[1].Base);
        Assert.Equal(0.87m, totals.Taxes[1].Tax);
        Assert.Equal(0.80m, totals.Taxes[0].Tax);
        Assert.Equal(25.83m, totals.GrandTotal);
    }

    [Fact]
    public void The_grand_total_is_the_exact_sum_rounded_once_not_the_sum_of_rounded_parts()
    {
        // 0.005 and 0.015 of tax each round up on their own; the exact total of 0.12 rounds to itself.
        var totals = Totals([new LineInput("A", 1m, "each", 0.05m, 0m, 10m), new LineInput("B", 1m, "each", 0.05m, 0m, 30m)]);

        Assert.Equal([0.01m, 0.02m], totals.Taxes.Select(t => t.Tax));
        Assert.Equal(0.10m, totals.Net);
        Assert.Equal(0.12m, totals.GrandTotal);
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        Assert.Equal(0.13m, QuotationTotals.Cents(0.125m));
        Assert.Equal(-0.13m, QuotationTotals.Cents(-0.125m));
        Assert.Equal(0.01m, Totals([new LineInput("Half cent", 1m, "each", 0.005m)]).GrandTotal);
    }
}
