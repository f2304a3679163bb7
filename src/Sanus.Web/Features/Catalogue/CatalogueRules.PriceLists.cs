using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Catalogue;

/// <summary>Q-1: price lists per channel and currency with their validity, and their quantity tiers.</summary>
public static partial class CatalogueRules
{
    public sealed record PriceListInput(string? Name, string? Channel, string? Currency, DateOnly? ValidFrom, DateOnly? ValidTo = null);

    /// <summary>One tier: this product (or its option), from this many units, at this unit price.</summary>
    public sealed record EntryInput(Guid? ProductId, string? OptionCode, int? MinQuantity, decimal? UnitPrice);

    public sealed record EntryView(Guid ProductId, string Sku, string ProductName, string? OptionCode, int MinQuantity, decimal UnitPrice);

    /// <summary>A price list; <see cref="Entries"/> is filled when one list is read, null in lists of lists.</summary>
    public sealed record PriceListView(
        Guid Id, int Version, string Name, string Channel, string Currency, DateOnly ValidFrom, DateOnly? ValidTo, int EntryCount,
        IReadOnlyList<EntryView>? Entries, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
    {
        public static PriceListView Of(PriceList l, IReadOnlyList<EntryView>? entries = null, int? entryCount = null) => new(
            l.Id, l.Version, l.Name, l.Channel, l.Currency, l.ValidFrom, l.ValidTo, entryCount ?? l.Entries.Count, entries, l.CreatedAt, l.UpdatedAt, l.ArchivedAt);
    }

    /// <summary>A tier's identity on its list: a product (or option) has one price per minimum quantity.</summary>
    public sealed record EntryKey(Guid ProductId, string? OptionCode, int MinQuantity);

    /// <summary>One price of a product on one list, for the product page: every list, every tier.</summary>
    public sealed record ProductPrice(
        Guid PriceListId, string PriceList, string Channel, string Currency, DateOnly ValidFrom, DateOnly? ValidTo, bool ListArchived,
        string? OptionCode, int MinQuantity, decimal UnitPrice);

    public const decimal MaxUnitPrice = 1_000_000_000m;

    public static async Task<PriceList> CreatePriceListAsync(SanusDb db, PriceListInput input)
    {
        var list = new PriceList();
        var errors = TryApplyList(list, input, await ActiveListNamesAsync(db));
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        db.Add(list);
        await db.SaveChangesAsync();
        return list;
    }

    public static async Task<PriceList> UpdatePriceListAsync(SanusDb db, Guid id, PriceListInput input, int? expectedVersion)
    {
        var list = await GetPriceListAsync(db, id);
        Versioning.Check(list, expectedVersion, () => PriceListView.Of(list));
        var errors = TryApplyList(list, input, await ActiveListNamesAsync(db));
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        await Versioning.SaveAsync(db, list, expectedVersion, l => PriceListView.Of(l));
        return list;
    }

    /// <summary>An archived list prices nothing; restoring it needs its name to be free again.</summary>
    public static async Task<PriceList> SetPriceListArchivedAsync(SanusDb db, TimeProvider clock, Guid id, bool archived, int? expectedVersion)
    {
        var list = await GetPriceListAsync(db, id);
        Versioning.Check(list, expectedVersion, () => PriceListView.Of(list));
        if (list.IsArchived == archived)
        {
            return list;
        }

        if (!archived && (await ActiveListNamesAsync(db)).ContainsKey(NameKey(list.Name)))
        {
            throw ProblemException.Invalid("name", $"Another price list is called \"{list.Name}\" now: rename one of them first.");
        }

        list.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
        await Versioning.SaveAsync(db, list, expectedVersion, l => PriceListView.Of(l));
        return list;
    }

    /// <summary>A price list with its entries, archived or not.</summary>
    public static async Task<PriceList> GetPriceListAsync(SanusDb db, Guid id) =>
        await db.Set<PriceList>().Include(l => l.Entries).SingleOrDefaultAsync(l => l.Id == id) ?? throw ProblemException.NotFound("price list");

    /// <summary>The entries of a list as people read them: by product name, option, then quantity.</summary>
    public static async Task<List<EntryView>> EntriesOfAsync(SanusDb db, PriceList list)
    {
        var ids = list.Entries.Select(e => e.ProductId).Distinct().ToList();
        var products = await db.Set<Product>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        return list.Entries
            .Select(e => new EntryView(e.ProductId, products[e.ProductId].Sku, products[e.ProductId].Name, e.OptionCode, e.MinQuantity, e.UnitPrice))
            .OrderBy(e => e.ProductName, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.Sku, StringComparer.Ordinal)
            .ThenBy(e => e.OptionCode ?? "", StringComparer.Ordinal).ThenBy(e => e.MinQuantity)
            .ToList();
    }

    /// <summary>
    /// Replaces every tier of the list with <paramref name="entries"/> (a tier already there keeps its identity and only its price
    /// changes). Errors name the entry: "entries[2].unitPrice". A change of tiers is a new version of the list, checked against If-Match.
    /// </summary>
    public static async Task<PriceList> SetEntriesAsync(SanusDb db, Guid id, IReadOnlyList<EntryInput> entries, int? expectedVersion)
    {
        var list = await GetPriceListAsync(db, id);
        Versioning.Check(list, expectedVersion, () => PriceListView.Of(list));
        var productIds = entries.Select(e => e.ProductId).OfType<Guid>().Distinct().ToList();
        var products = await db.Set<Product>().Include(p => p.Options).Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var errors = new Dictionary<string, string[]>();
        var wanted = new Dictionary<EntryKey, decimal>();
        for (var i = 0; i < entries.Count; i++)
        {
            var input = entries[i];
            var product = input.ProductId is { } productId ? products.GetValueOrDefault(productId) : null;
            var entryErrors = TryEntry(input, product, out var key, out var unitPrice);
            if (entryErrors.Count == 0 && !wanted.TryAdd(key!, unitPrice))
            {
                entryErrors["minQuantity"] = [$"{product!.Sku}{(key!.OptionCode is { } code ? " " + code : "")} already has a tier from {key.MinQuantity} on this list."];
            }

            foreach (var (field, messages) in entryErrors)
            {
                errors[$"entries[{i}].{field}"] = messages;
            }
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        foreach (var entry in list.Entries.ToList())
        {
            if (wanted.Remove(new EntryKey(entry.ProductId, entry.OptionCode, entry.MinQuantity), out var price))
            {
                entry.UnitPrice = price;
            }
            else
            {
                list.Entries.Remove(entry);
            }
        }

        foreach (var (key, price) in wanted)
        {
            // Added to the context, not only to the collection: its id is already set, so found through the list it would be taken for a stored row.
            db.Add(new PriceListEntry { PriceListId = list.Id, ProductId = key.ProductId, OptionCode = key.OptionCode, MinQuantity = key.MinQuantity, UnitPrice = price });
        }

        db.Entry(list).Property(l => l.UpdatedAt).IsModified = true;
        await Versioning.SaveAsync(db, list, expectedVersion, l => PriceListView.Of(l));
        return list;
    }

    /// <summary>Every price of one product on every list (archived lists included, marked), for its page.</summary>
    public static async Task<List<ProductPrice>> PricesOfProductAsync(SanusDb db, Guid productId)
    {
        var rows = await db.Set<PriceListEntry>().AsNoTracking()
            .Where(e => e.ProductId == productId)
            .Join(db.Set<PriceList>(), e => e.PriceListId, l => l.Id, (e, l) => new { Entry = e, List = l })
            .ToListAsync();
        return rows
            .Select(r => new ProductPrice(
                r.List.Id, r.List.Name, r.List.Channel, r.List.Currency, r.List.ValidFrom, r.List.ValidTo, r.List.IsArchived, r.Entry.OptionCode, r.Entry.MinQuantity, r.Entry.UnitPrice))
            .OrderBy(p => p.ListArchived).ThenBy(p => p.Channel, StringComparer.Ordinal).ThenBy(p => p.Currency, StringComparer.Ordinal)
            .ThenByDescending(p => p.ValidFrom).ThenBy(p => p.PriceList, StringComparer.Ordinal).ThenBy(p => p.OptionCode ?? "", StringComparer.Ordinal).ThenBy(p => p.MinQuantity)
            .ToList();
    }

    /// <summary>The names of the lists in use (in capitals) and their ids: names are unique among them, so an import can name a list.</summary>
    public static async Task<Dictionary<string, Guid>> ActiveListNamesAsync(SanusDb db)
    {
        var names = new Dictionary<string, Guid>();
        foreach (var list in await db.Set<PriceList>().AsNoTracking().Where(l => l.ArchivedAt == null).Select(l => new { l.Name, l.Id }).ToListAsync())
        {
            names.TryAdd(NameKey(list.Name), list.Id);
        }

        return names;
    }

    public static string NameKey(string? name) => (name ?? "").Trim().ToUpperInvariant();

    /// <summary>Validates a list's header and, when valid, applies it: the errors by field, empty when the list was changed. Nothing is saved.</summary>
    public static Dictionary<string, string[]> TryApplyList(PriceList list, PriceListInput input, Dictionary<string, Guid> activeNames)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["Name the price list (at most 200 characters), e.g. Direct EUR 2026."];
        }
        else if (activeNames.TryGetValue(NameKey(name), out var owner) && owner != list.Id && !list.IsArchived)
        {
            errors["name"] = [$"Another price list is already called \"{name}\": choose another name."];
        }

        if (input.Channel is null || !PriceChannels.All.Contains(input.Channel))
        {
            errors["channel"] = [$"Choose the sales channel: {string.Join(", ", PriceChannels.All)}."];
        }

        var (currency, currencyError) = Currencies.Normalise(input.Currency);
        if (currencyError is not null)
        {
            errors["currency"] = [currencyError];
        }

        if (input.ValidFrom is null)
        {
            errors["validFrom"] = ["Enter the first day the prices apply."];
        }
        else if (input.ValidTo is { } to && to < input.ValidFrom)
        {
            errors["validTo"] = ["The last day can't be before the first day: leave it empty for a list without an end."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (!list.IsArchived)
        {
            activeNames.Remove(NameKey(list.Name));
            activeNames[NameKey(name)] = list.Id;
        }

        list.Name = name;
        list.Channel = input.Channel!;
        list.Currency = currency!;
        list.ValidFrom = input.ValidFrom!.Value;
        list.ValidTo = input.ValidTo;
        return errors;
    }

    /// <summary>Validates one tier against its product (null when none was chosen or it doesn't exist); fields productId, optionCode, minQuantity, unitPrice.</summary>
    public static Dictionary<string, string[]> TryEntry(EntryInput input, Product? product, out EntryKey? key, out decimal unitPrice)
    {
        var errors = new Dictionary<string, string[]>();
        key = null;
        unitPrice = 0;
        string? optionCode = null;
        if (product is null)
        {
            errors["productId"] = ["Choose a product from the catalogue."];
        }
        else if (!string.IsNullOrWhiteSpace(input.OptionCode))
        {
            var code = NormaliseSku(input.OptionCode);
            optionCode = product.Options.SingleOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase))?.Code;
            if (optionCode is null)
            {
                errors["optionCode"] = [product.Options.Count == 0
                    ? $"{product.Name} has no options: leave the option empty."
                    : $"{product.Name} has no option \"{input.OptionCode.Trim()}\". Choose one of: {string.Join(", ", product.Options.Select(o => o.Code).Order(StringComparer.Ordinal))}."];
            }
        }

        if (input.MinQuantity is not >= 1)
        {
            errors["minQuantity"] = ["Enter the smallest quantity the price applies from: a whole number from 1."];
        }

        if (input.UnitPrice is not { } price || price < 0 || price > MaxUnitPrice)
        {
            errors["unitPrice"] = ["Enter the unit price: 0 or more."];
        }
        else if (decimal.Round(price, 2) != price)
        {
            errors["unitPrice"] = ["Enter the unit price with at most 2 decimals, e.g. 1250.50."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        key = new EntryKey(product!.Id, optionCode, input.MinQuantity!.Value);
        unitPrice = input.UnitPrice!.Value;
        return errors;
    }
}
