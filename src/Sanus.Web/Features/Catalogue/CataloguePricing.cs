using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Catalogue;

/// <summary>What a quotation line asks the catalogue: this product (and option), this many, through this channel, in this currency, on this day.</summary>
public sealed record PriceRequest(Guid ProductId, string? OptionCode, string Channel, string Currency, decimal Quantity, DateOnly On);

/// <summary>The price that applies, with where it came from, so a quotation line can show and keep it.</summary>
public sealed record CataloguePrice(Product Product, ProductOption? Option, PriceList PriceList, int TierMinQuantity, decimal UnitPrice);

/// <summary>
/// prices come from the catalogue, never from hand arithmetic. The list that applies is the newest one
/// of the channel and currency valid on the day; within it, the option's own tiers when it has any, else the
/// product's; the tier is the one with the largest minimum quantity not above the quantity ordered.
/// </summary>
public static class CataloguePricing
{
    public static async Task<CataloguePrice> PriceAsync(SanusDb db, PriceRequest request)
    {
        var product = await db.Set<Product>().Include(p => p.Options).SingleOrDefaultAsync(p => p.Id == request.ProductId && p.ArchivedAt == null)
            ?? throw ProblemException.Invalid("productId", "Choose a product from the catalogue.");
        ProductOption? option = null;
        if (!string.IsNullOrWhiteSpace(request.OptionCode))
        {
            option = product.Options.SingleOrDefault(o => string.Equals(o.Code, request.OptionCode.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw ProblemException.Invalid("optionCode", $"{product.Name} has no configuration \"{request.OptionCode}\". Choose one of: {string.Join(", ", product.Options.Select(o => o.Code))}.");
        }

        if (request.Quantity <= 0)
        {
            throw ProblemException.Invalid("quantity", "Enter a quantity above zero.");
        }

        // A handful of lists per channel and currency: the validity check is done here, on both databases alike.
        var lists = await db.Set<PriceList>()
            .Where(l => l.Channel == request.Channel && l.Currency == request.Currency && l.ArchivedAt == null)
            .ToListAsync();
        // Two lists starting the same day: the one published last wins, so the choice never depends on the database's row order.
        var list = lists.Where(l => l.AppliesOn(request.On)).OrderByDescending(l => l.ValidFrom).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).FirstOrDefault()
            ?? throw ProblemException.Refused("No price applies", [$"No {request.Channel} price list in {request.Currency} is valid on {request.On:yyyy-MM-dd}. Ask the Sales Manager to publish one, or choose another channel or currency."]);

        var entries = await db.Set<PriceListEntry>()
            .Where(e => e.PriceListId == list.Id && e.ProductId == product.Id)
            .ToListAsync();
        var own = option is null ? [] : entries.Where(e => string.Equals(e.OptionCode, option.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        var tiers = own.Count > 0 ? own : entries.Where(e => e.OptionCode is null).ToList();
        var tier = tiers.Where(e => e.MinQuantity <= request.Quantity).MaxBy(e => e.MinQuantity);
        if (tier is null)
        {
            var why = tiers.Count == 0
                ? $"{product.Name} ({product.Sku}) has no price on the price list \"{list.Name}\"."
                : $"{product.Name} ({product.Sku}) is sold from {tiers.Min(e => e.MinQuantity)} units on the price list \"{list.Name}\".";
            throw ProblemException.Refused("No price applies", [why]);
        }

        return new CataloguePrice(product, option, list, tier.MinQuantity, tier.UnitPrice);
    }
}
