using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Catalogue;

/// <summary>
/// Q-1: what the Sales Manager does with the catalogue, with the checks that guard it. Products and their options
/// here; price lists and their tiers in CatalogueRules.PriceLists.cs. Pages, the API and the import all call these.
/// </summary>
public static partial class CatalogueRules
{
    public sealed record ProductInput(
        string? Sku, string? Name, string? Kind, string? Unit, string? Gtin = null, string? ReferenceRegulation = null, string? Description = null);

    public sealed record OptionInput(string? Code, string? Name);

    public sealed record OptionView(string Code, string Name);

    public sealed record ProductView(
        Guid Id, int Version, string Sku, string? Gtin, string Name, string Kind, string Unit, string? Description, string? ReferenceRegulation,
        IReadOnlyList<OptionView> Options, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt)
    {
        public static ProductView Of(Product p) => new(
            p.Id, p.Version, p.Sku, p.Gtin, p.Name, p.Kind, p.Unit, p.Description, p.ReferenceRegulation,
            p.Options.OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => new OptionView(o.Code, o.Name)).ToList(), p.CreatedAt, p.UpdatedAt, p.ArchivedAt);
    }

    /// <summary>
    /// Which product holds each SKU and GTIN, archived ones included (a restored product must not collide). Mutable so that an
    /// import can add the rows it has accepted and catch a SKU or GTIN used twice in the same file.
    /// </summary>
    public sealed record ProductFacts(Dictionary<string, Guid> SkuOwners, Dictionary<string, Guid> GtinOwners);

    public static async Task<Product> CreateProductAsync(SanusDb db, ProductInput input)
    {
        var product = new Product();
        await ApplyAsync(db, product, input);
        db.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public static async Task<Product> UpdateProductAsync(SanusDb db, Guid id, ProductInput input, int? expectedVersion)
    {
        var product = await GetProductAsync(db, id);
        Versioning.Check(product, expectedVersion, () => ProductView.Of(product));
        await ApplyAsync(db, product, input);
        await Versioning.SaveAsync(db, product, expectedVersion, ProductView.Of);
        return product;
    }

    /// <summary>An archived product is no longer priced for new quotations; its history and prices stay.</summary>
    public static async Task<Product> SetProductArchivedAsync(SanusDb db, TimeProvider clock, Guid id, bool archived, int? expectedVersion)
    {
        var product = await GetProductAsync(db, id);
        Versioning.Check(product, expectedVersion, () => ProductView.Of(product));
        if (product.IsArchived != archived)
        {
            product.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
            await Versioning.SaveAsync(db, product, expectedVersion, ProductView.Of);
        }

        return product;
    }

    /// <summary>A product with its options, archived or not.</summary>
    public static async Task<Product> GetProductAsync(SanusDb db, Guid id) =>
        await db.Set<Product>().Include(p => p.Options).SingleOrDefaultAsync(p => p.Id == id) ?? throw ProblemException.NotFound("product");

    public static async Task<Product> AddOptionAsync(SanusDb db, Guid productId, OptionInput input, int? expectedVersion)
    {
        var product = await GetProductAsync(db, productId);
        Versioning.Check(product, expectedVersion, () => ProductView.Of(product));
        var stored = product.Options.ToHashSet();
        var errors = TryAddOrRenameOption(product, input, adding: true);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        TrackNewOptions(db, product, stored);
        return await SaveOptionsAsync(db, product, expectedVersion);
    }

    public static async Task<Product> RenameOptionAsync(SanusDb db, Guid productId, string code, string? name, int? expectedVersion)
    {
        var product = await GetProductAsync(db, productId);
        Versioning.Check(product, expectedVersion, () => ProductView.Of(product));
        _ = FindOption(product, code);
        var errors = TryAddOrRenameOption(product, new OptionInput(code, name), adding: false);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        return await SaveOptionsAsync(db, product, expectedVersion);
    }

    /// <summary>An option that a price list still prices is kept: its tiers would otherwise silently fall back to the product's.</summary>
    public static async Task<Product> RemoveOptionAsync(SanusDb db, Guid productId, string code, int? expectedVersion)
    {
        var product = await GetProductAsync(db, productId);
        Versioning.Check(product, expectedVersion, () => ProductView.Of(product));
        var option = FindOption(product, code);
        var lists = await db.Set<PriceListEntry>()
            .Where(e => e.ProductId == product.Id && e.OptionCode == option.Code)
            .Join(db.Set<PriceList>(), e => e.PriceListId, l => l.Id, (e, l) => l.Name)
            .Distinct().ToListAsync();
        if (lists.Count > 0)
        {
            throw ProblemException.Refused(
                $"The option {option.Code} still has prices",
                [$"Remove the prices of {option.Code} from the price list{(lists.Count > 1 ? "s" : "")} {string.Join(", ", lists.Order().Select(l => $"\"{l}\""))} first."]);
        }

        product.Options.Remove(option);
        return await SaveOptionsAsync(db, product, expectedVersion);
    }

    /// <summary>Loads who holds which SKU and GTIN; null reads the whole catalogue (for imports).</summary>
    public static async Task<ProductFacts> LoadProductFactsAsync(SanusDb db, IReadOnlyCollection<string>? skus, IReadOnlyCollection<string>? gtins)
    {
        var bySku = db.Set<Product>().AsNoTracking();
        var byGtin = db.Set<Product>().AsNoTracking().Where(p => p.Gtin != null);
        if (skus is not null)
        {
            // Compared in capitals in SQL too: a SKU written before these rules (or by hand) may be in lower case.
            bySku = bySku.Where(p => skus.Contains(p.Sku.ToUpper()));
        }

        if (gtins is not null)
        {
            byGtin = byGtin.Where(p => gtins.Contains(p.Gtin!));
        }

        var facts = new ProductFacts([], []);
        foreach (var product in await bySku.Select(p => new { p.Sku, p.Id }).ToListAsync())
        {
            facts.SkuOwners.TryAdd(NormaliseSku(product.Sku), product.Id);
        }

        foreach (var product in await byGtin.Select(p => new { Gtin = p.Gtin!, p.Id }).ToListAsync())
        {
            facts.GtinOwners.TryAdd(product.Gtin, product.Id);
        }

        return facts;
    }

    /// <summary>The SKU as stored: trimmed and in capitals, so the unique index makes SKUs unique whatever the case typed.</summary>
    public static string NormaliseSku(string? sku) => (sku ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// Validates <paramref name="input"/> and, when it is valid, applies it to <paramref name="product"/>: the errors by field, empty
    /// when the product was changed. Nothing is saved; the import validates each row with it.
    /// </summary>
    public static Dictionary<string, string[]> TryApply(Product product, ProductInput input, ProductFacts facts)
    {
        var errors = new Dictionary<string, string[]>();
        var sku = NormaliseSku(input.Sku);
        if (sku.Length is 0 or > 50 || !sku.All(IsCodeCharacter))
        {
            errors["sku"] = ["Enter the SKU: up to 50 letters, digits, dots, hyphens, slashes or underscores, e.g. OST-KNEE-T3."];
        }
        else if (facts.SkuOwners.TryGetValue(sku, out var skuOwner) && skuOwner != product.Id)
        {
            errors["sku"] = [$"The SKU {sku} is already used by another product (perhaps an archived one). SKUs are unique whatever their case."];
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["Enter the product's name (at most 200 characters)."];
        }

        if (input.Kind is null || !ProductKinds.All.Contains(input.Kind))
        {
            errors["kind"] = [$"Choose the kind of product: {string.Join(", ", ProductKinds.All)}."];
        }

        var unit = input.Unit?.Trim() ?? "";
        if (unit.Length is 0 or > 30)
        {
            errors["unit"] = ["Enter what one unit is, e.g. each, box, report, patient, month (at most 30 characters)."];
        }

        string? gtin = null;
        if (!string.IsNullOrWhiteSpace(input.Gtin))
        {
            if (!Gtin.TryNormalise(input.Gtin, out var gtin14, out var gtinError))
            {
                errors["gtin"] = [gtinError!];
            }
            else if (facts.GtinOwners.TryGetValue(gtin14, out var gtinOwner) && gtinOwner != product.Id)
            {
                errors["gtin"] = [$"The GTIN {gtin14} already identifies another product: one GTIN, one trade item."];
            }
            else
            {
                gtin = gtin14;
            }
        }

        var regulation = Clean(input.ReferenceRegulation);
        if (regulation?.Length > 300)
        {
            errors["referenceRegulation"] = ["Keep the reference regulation under 300 characters, e.g. EU MDR 2017/745, class IIb."];
        }

        var description = Clean(input.Description);
        if (description?.Length > 4000)
        {
            errors["description"] = ["Keep the description under 4000 characters."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (product.Gtin is { } previousGtin && previousGtin != gtin)
        {
            facts.GtinOwners.Remove(previousGtin);
        }

        product.Sku = sku;
        product.Name = name;
        product.Kind = input.Kind!;
        product.Unit = unit;
        product.Gtin = gtin;
        product.ReferenceRegulation = regulation;
        product.Description = description;
        facts.SkuOwners[sku] = product.Id;
        if (gtin is not null)
        {
            facts.GtinOwners[gtin] = product.Id;
        }

        return errors;
    }

    /// <summary>Adds an option, or renames the one with that code; codes are stored in capitals and unique per product.</summary>
    public static Dictionary<string, string[]> TryAddOrRenameOption(Product product, OptionInput input, bool adding)
    {
        var errors = new Dictionary<string, string[]>();
        var code = NormaliseSku(input.Code);
        var name = input.Name?.Trim() ?? "";
        if (code.Length is 0 or > 50 || !code.All(IsCodeCharacter))
        {
            errors["code"] = ["Enter the option's code: up to 50 letters, digits, dots, hyphens, slashes or underscores, e.g. SIZE-3."];
        }
        else if (adding && product.Options.Any(o => o.Code == code))
        {
            errors["code"] = [$"{product.Name} already has an option {code}: codes are unique per product."];
        }

        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["Name the option (at most 200 characters), e.g. Size 3."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (product.Options.SingleOrDefault(o => o.Code == code) is { } existing)
        {
            existing.Name = name;
        }
        else
        {
            product.Options.Add(new ProductOption { ProductId = product.Id, Code = code, Name = name });
        }

        return errors;
    }

    private static ProductOption FindOption(Product product, string code) =>
        product.Options.SingleOrDefault(o => o.Code == NormaliseSku(code)) ?? throw ProblemException.NotFound("option of this product");

    private static async Task ApplyAsync(SanusDb db, Product product, ProductInput input)
    {
        var gtin = Gtin.TryNormalise(input.Gtin, out var gtin14, out _) ? gtin14 : null;
        var facts = await LoadProductFactsAsync(db, [NormaliseSku(input.Sku)], gtin is null ? [] : [gtin]);
        var errors = TryApply(product, input, facts);
        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }

    /// <summary>
    /// Marks the options added to a tracked product (those not in <paramref name="stored"/>) as new. Their ids are set by the client, and EF Core takes an entity with a
    /// generated key already set, found through a navigation, for an existing row (and would update it instead of inserting it).
    /// </summary>
    public static void TrackNewOptions(SanusDb db, Product product, IReadOnlySet<ProductOption> stored)
    {
        // Must run before anything detects the product's changes (SaveChanges, db.Entry): those would take them for stored rows.
        foreach (var option in product.Options.Where(o => !stored.Contains(o)).ToList())
        {
            db.Add(option);
        }
    }

    /// <summary>Options belong to the product: changing them is a new version of it (REC-2), checked against If-Match.</summary>
    private static async Task<Product> SaveOptionsAsync(SanusDb db, Product product, int? expectedVersion)
    {
        db.Entry(product).Property(p => p.UpdatedAt).IsModified = true;
        await Versioning.SaveAsync(db, product, expectedVersion, ProductView.Of);
        return product;
    }

    private static bool IsCodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or '_';

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
