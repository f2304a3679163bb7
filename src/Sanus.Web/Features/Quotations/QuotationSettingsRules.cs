using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Quotations;

/// <summary>Q-3: the Sales Manager's discount limit (capability pricing.manage at the endpoint and on the page).</summary>
public static class QuotationSettingsRules
{
    public sealed record SettingsView(decimal DiscountLimitPercent, int Version);

    public sealed record SettingsInput(decimal? DiscountLimitPercent);

    public static async Task<decimal> DiscountLimitAsync(SanusDb db) =>
        (await db.Set<QuotationSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == QuotationSettings.TheId))?.DiscountLimitPercent
        ?? QuotationSettings.DefaultDiscountLimitPercent;

    public static async Task<SettingsView> GetAsync(SanusDb db)
    {
        var stored = await db.Set<QuotationSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == QuotationSettings.TheId);
        return new SettingsView(stored?.DiscountLimitPercent ?? QuotationSettings.DefaultDiscountLimitPercent, stored?.Version ?? 0);
    }

    public static async Task<SettingsView> SetAsync(SanusDb db, SettingsInput input, int? expectedVersion)
    {
        if (input.DiscountLimitPercent is not (>= 0 and <= 100))
        {
            throw ProblemException.Invalid("discountLimitPercent", "Set a discount limit between 0 and 100%.");
        }

        var settings = await db.Set<QuotationSettings>().SingleOrDefaultAsync(s => s.Id == QuotationSettings.TheId);
        if (settings is null)
        {
            settings = new QuotationSettings { Id = QuotationSettings.TheId };
            db.Add(settings);
        }
        else
        {
            Versioning.Check(settings, expectedVersion, () => new SettingsView(settings.DiscountLimitPercent, settings.Version));
        }

        settings.DiscountLimitPercent = decimal.Round(input.DiscountLimitPercent.Value, 2);
        await Versioning.SaveAsync(db, settings, expectedVersion, s => new SettingsView(s.DiscountLimitPercent, s.Version));
        return new SettingsView(settings.DiscountLimitPercent, settings.Version);
    }
}
