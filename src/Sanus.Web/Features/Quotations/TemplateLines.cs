using System.Globalization;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Quotations;

/// <summary>One volume tier of an API plan: units up to <see cref="UpTo"/> a month (null: every unit above) at this price.</summary>
public sealed record TierInput(decimal? UpTo, decimal? UnitPrice);

/// <summary>T-009-002: a software plan priced per report or per patient.</summary>
public sealed record ApiPlanInput(
    string? Plan,
    string? Unit,
    decimal? MonthlyVolume,
    int? TermMonths,
    decimal? SetUpFee,
    IReadOnlyList<TierInput>? Tiers);

public sealed record PhaseInput(string? Name, decimal? Fee);

/// <summary>T-009-004: fees per site, per patient and per read, and fixed phases.</summary>
public sealed record ClinicalTrialInput(
    int? Sites,
    int? Patients,
    int? ReadsPerPatient,
    decimal? SiteFee,
    decimal? PatientFee,
    decimal? ReadFee,
    IReadOnlyList<PhaseInput>? Phases);

/// <summary>A line as the caller sends it. Catalogue lines name a product and get their price from the price list.</summary>
public sealed record LineInput(
    string? Description,
    decimal? Quantity,
    string? Unit,
    decimal? UnitPrice,
    decimal? DiscountPercent = null,
    decimal? TaxRatePercent = null,
    Guid? ProductId = null,
    string? OptionCode = null);

/// <summary>
/// Q-2: the lines the API and clinical-trial templates start from. API tiers are graduated (ADR 0006): each month,
/// the first units are charged at the first tier's price, the next ones at the next tier's, and so on; over the
/// minimum term each tier's monthly units are multiplied by the months, so the committed amount is
/// Σ (units in tier per month × months × tier price) + set-up fee, shown as one line per tier.
/// </summary>
public static class TemplateLines
{
    public static List<LineInput> Api(ApiPlanInput input, decimal taxRatePercent)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = input.Plan?.Trim();
        if (string.IsNullOrEmpty(plan))
        {
            errors["api.plan"] = ["Name the software plan."];
        }

        var unit = input.Unit?.Trim().ToLowerInvariant();
        if (unit is not ("report" or "patient"))
        {
            errors["api.unit"] = ["Price per report or per patient: choose report or patient."];
        }

        if (input.MonthlyVolume is not > 0)
        {
            errors["api.monthlyVolume"] = ["Enter the expected volume per month, above zero."];
        }

        if (input.TermMonths is not > 0)
        {
            errors["api.termMonths"] = ["Enter the minimum term in months, at least 1."];
        }

        if (input.SetUpFee is < 0)
        {
            errors["api.setUpFee"] = ["The set-up fee can't be negative."];
        }

        var tiers = input.Tiers ?? [];
        if (tiers.Count == 0 || tiers.Any(t => t.UnitPrice is not >= 0))
        {
            errors["api.tiers"] = ["Give at least one tier, each with a unit price of zero or more."];
        }
        else if (tiers.Take(tiers.Count - 1).Any(t => t.UpTo is null) || tiers.Zip(tiers.Skip(1)).Any(p => p.First.UpTo >= p.Second.UpTo) || tiers[0].UpTo is <= 0)
        {
            errors["api.tiers"] = ["Tiers go up in volume: each tier's 'up to' above the previous one; only the last may be open (no 'up to')."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var lines = new List<LineInput>();
        if (input.SetUpFee is > 0)
        {
            lines.Add(new LineInput($"{plan}: set-up fee", 1m, "each", input.SetUpFee, 0m, taxRatePercent));
        }

        var months = input.TermMonths!.Value;
        var volume = input.MonthlyVolume!.Value;
        var from = 0m;
        foreach (var tier in tiers)
        {
            var upTo = tier.UpTo ?? decimal.MaxValue;
            var units = Math.Max(0m, Math.Min(volume, upTo) - from);
            var range = tier.UpTo is null ? $"above {N(from)}" : $"{N(from + 1)}–{N(upTo)}";
            lines.Add(new LineInput($"{plan}: {unit}s {range} per month × {months} months", units * months, unit, tier.UnitPrice, 0m, taxRatePercent));
            from = upTo;
            if (from >= volume)
            {
                break;
            }
        }

        return lines;
    }

    public static List<LineInput> ClinicalTrial(ClinicalTrialInput input, decimal taxRatePercent)
    {
        var errors = new Dictionary<string, string[]>();
        void Count(int? value, string field, string what)
        {
            if (value is not >= 0)
            {
                errors[field] = [$"Enter the number of {what} (zero or more)."];
            }
        }

        void Fee(decimal? value, string field)
        {
            if (value is < 0)
            {
                errors[field] = ["A fee can't be negative."];
            }
        }

        Count(input.Sites, "clinicalTrial.sites", "sites");
        Count(input.Patients, "clinicalTrial.patients", "patients");
        Count(input.ReadsPerPatient, "clinicalTrial.readsPerPatient", "reads per patient");
        Fee(input.SiteFee, "clinicalTrial.siteFee");
        Fee(input.PatientFee, "clinicalTrial.patientFee");
        Fee(input.ReadFee, "clinicalTrial.readFee");
        var phases = input.Phases ?? [];
        if (phases.Any(p => string.IsNullOrWhiteSpace(p.Name) || p.Fee is not >= 0))
        {
            errors["clinicalTrial.phases"] = ["Each phase needs a name and a fee (zero or more)."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var lines = new List<LineInput>();
        lines.Add(new LineInput("Site fee", input.Sites, "site", input.SiteFee ?? 0m, 0m, taxRatePercent));
        lines.Add(new LineInput("Patient fee", input.Patients, "patient", input.PatientFee ?? 0m, 0m, taxRatePercent));
        lines.Add(new LineInput($"Read fee ({input.ReadsPerPatient} reads per patient)", (decimal)input.Patients!.Value * input.ReadsPerPatient!.Value, "read", input.ReadFee ?? 0m, 0m, taxRatePercent));
        foreach (var phase in phases)
        {
            lines.Add(new LineInput(phase.Name!.Trim(), 1m, "phase", phase.Fee, 0m, taxRatePercent));
        }

        return lines;
    }

    private static string N(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
