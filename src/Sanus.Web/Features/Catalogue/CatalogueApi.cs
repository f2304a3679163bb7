using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Records;
using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.Features.Catalogue;

public static class CatalogueApi
{
    public sealed record RenameOptionRequest(string? Name);

    public sealed record EntriesRequest(IReadOnlyList<EntryInput>? Entries);

    /// <summary>The price a quotation line would get, with where it comes from.</summary>
    public sealed record PriceView(
        Guid ProductId, string Sku, string ProductName, string? OptionCode, Guid PriceListId, string PriceList, string Channel, string Currency,
        DateOnly On, decimal Quantity, int TierMinQuantity, decimal UnitPrice, decimal LineTotal);

    public static void MapCatalogueApi(this RouteGroupBuilder api)
    {
        var catalogue = api.MapGroup("/catalogue").WithTags("Catalogue");

        var products = catalogue.MapGroup("/products");
        products.MapGet("/", ListProducts).WithSummary("Products, filtered (q: name, SKU or GTIN digits; kind; includeArchived) and sorted (name, sku), keyset paged.");
        products.MapGet("/{id:guid}", GetProduct).WithSummary("One product with its options; its version is the ETag.");
        products.MapGet("/{id:guid}/prices", ProductPrices).WithSummary("Every tier of the product on every price list (archived lists marked).");
        products.MapPost("/", CreateProduct).RequireCapability(Capabilities.PricingManage)
            .WithSummary("Create a product. SKU unique whatever its case (stored in capitals); GTIN optional, 8/12/13/14 digits, stored as GTIN-14 with its check digit verified.");
        products.MapPut("/{id:guid}", UpdateProduct).RequireCapability(Capabilities.PricingManage).WithSummary("Change a product's fields (not its options); If-Match honoured.");
        products.MapDelete("/{id:guid}", ArchiveProduct).RequireCapability(Capabilities.PricingManage).WithSummary("Archive a product: it is no longer priced.");
        products.MapPost("/{id:guid}/restore", RestoreProduct).RequireCapability(Capabilities.PricingManage).WithSummary("Restore an archived product.");
        products.MapPost("/{id:guid}/options", AddOption).RequireCapability(Capabilities.PricingManage)
            .WithSummary("Add an option {code, name}; codes are unique per product. A new version of the product; If-Match honoured.");
        products.MapPut("/{id:guid}/options/{code}", RenameOption).RequireCapability(Capabilities.PricingManage).WithSummary("Rename an option {name}; If-Match honoured.");
        products.MapDelete("/{id:guid}/options/{code}", RemoveOption).RequireCapability(Capabilities.PricingManage)
            .WithSummary("Remove an option; refused (422) while a price list still prices it. If-Match honoured.");

        var lists = catalogue.MapGroup("/price-lists");
        lists.MapGet("/", ListPriceLists).WithSummary("Price lists (channel, currency, includeArchived filters), by channel, currency and newest first; not paged (a catalogue has a handful).");
        lists.MapGet("/{id:guid}", GetPriceList).WithSummary("One price list with all its tiers; its version is the ETag.");
        lists.MapPost("/", CreatePriceList).RequireCapability(Capabilities.PricingManage)
            .WithSummary("Create a price list: name (unique among lists in use), channel (direct, distributor, tender), ISO 4217 currency, validFrom, optional validTo.");
        lists.MapPut("/{id:guid}", UpdatePriceList).RequireCapability(Capabilities.PricingManage).WithSummary("Change a price list's name, channel, currency or validity; If-Match honoured.");
        lists.MapPut("/{id:guid}/entries", SetEntries).RequireCapability(Capabilities.PricingManage)
            .WithSummary("Replace the whole set of tiers: {\"entries\": [{productId, optionCode, minQuantity, unitPrice}]}. Errors name the entry (entries[2].unitPrice). If-Match honoured.");
        lists.MapDelete("/{id:guid}", ArchivePriceList).RequireCapability(Capabilities.PricingManage).WithSummary("Archive a price list: it prices nothing any more.");
        lists.MapPost("/{id:guid}/restore", RestorePriceList).RequireCapability(Capabilities.PricingManage).WithSummary("Restore an archived price list.");

        catalogue.MapGet("/price", Price)
            .WithSummary("Preview the price of productId (optionCode) for quantity through channel in currency on a day (on, default today): the newest list valid that day, the tier that applies. 422 when none applies.");

        // A multipart upload: only a bearer token may write to the API (ADR 0004), so there is no cookie to forge and no antiforgery token.
        catalogue.MapPost("/import/products", ImportProducts).RequireCapability(Capabilities.PricingManage).DisableAntiforgery()
            .WithSummary("Import products from CSV or XLSX (multipart: file; dryRun=true to only check). Columns: sku, name, kind, unit, gtin, regulation, description, options (CODE:Name|CODE2:Name2). "
                + "An existing SKU is updated. All or nothing: any row error and nothing is written (422 with rowErrors: row, column, message).");
        catalogue.MapPost("/import/prices", ImportPrices).RequireCapability(Capabilities.PricingManage).DisableAntiforgery()
            .WithSummary("Import prices from CSV or XLSX (multipart: file; dryRun=true to only check). Columns: priceList, channel, currency, validFrom, validTo, sku, option, minQuantity, unitPrice. "
                + "Lists are found by name (else created); tiers are added or re-priced. All or nothing, like products.");
    }

    private static async Task<Ok<ProductList.Page>> ListProducts(SanusDb db, string? q, string? kind, bool? includeArchived, string? sort, int? limit, string? cursor) =>
        TypedResults.Ok(await ProductList.FindAsync(db, new ProductList.Filter(q, kind, includeArchived ?? false, sort), Paging.Limit(limit), cursor));

    private static async Task<Ok<ProductView>> GetProduct(Guid id, SanusDb db, HttpResponse response) => Respond(await GetProductAsync(db, id), response);

    private static async Task<Ok<List<ProductPrice>>> ProductPrices(Guid id, SanusDb db)
    {
        _ = await GetProductAsync(db, id);
        return TypedResults.Ok(await PricesOfProductAsync(db, id));
    }

    private static async Task<Created<ProductView>> CreateProduct(ProductInput input, SanusDb db, HttpResponse response)
    {
        var product = await CreateProductAsync(db, input);
        response.Headers.ETag = Versioning.ETag(product.Version);
        return TypedResults.Created($"/api/v1/catalogue/products/{product.Id}", ProductView.Of(product));
    }

    private static async Task<Ok<ProductView>> UpdateProduct(Guid id, ProductInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        Respond(await UpdateProductAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ProductView>> ArchiveProduct(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await SetProductArchivedAsync(db, clock, id, true, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ProductView>> RestoreProduct(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        Respond(await SetProductArchivedAsync(db, clock, id, false, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ProductView>> AddOption(Guid id, OptionInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        Respond(await AddOptionAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ProductView>> RenameOption(Guid id, string code, RenameOptionRequest input, SanusDb db, HttpRequest request, HttpResponse response) =>
        Respond(await RenameOptionAsync(db, id, code, input.Name, Versioning.IfMatch(request)), response);

    private static async Task<Ok<ProductView>> RemoveOption(Guid id, string code, SanusDb db, HttpRequest request, HttpResponse response) =>
        Respond(await RemoveOptionAsync(db, id, code, Versioning.IfMatch(request)), response);

    private static async Task<Ok<List<PriceListView>>> ListPriceLists(SanusDb db, string? channel, string? currency, bool? includeArchived)
    {
        var query = db.Set<PriceList>().AsNoTracking();
        if (includeArchived != true)
        {
            query = query.Where(l => l.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(channel))
        {
            query = query.Where(l => l.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(currency))
        {
            var code = currency.Trim().ToUpperInvariant();
            query = query.Where(l => l.Currency == code);
        }

        var rows = await query.Select(l => new { List = l, Count = l.Entries.Count }).ToListAsync();
        return TypedResults.Ok(rows
            .OrderBy(r => r.List.Channel, StringComparer.Ordinal).ThenBy(r => r.List.Currency, StringComparer.Ordinal).ThenByDescending(r => r.List.ValidFrom)
            .Select(r => PriceListView.Of(r.List, null, r.Count)).ToList());
    }

    private static async Task<Ok<PriceListView>> GetPriceList(Guid id, SanusDb db, HttpResponse response) => await RespondAsync(db, await GetPriceListAsync(db, id), response);

    private static async Task<Created<PriceListView>> CreatePriceList(PriceListInput input, SanusDb db, HttpResponse response)
    {
        var list = await CreatePriceListAsync(db, input);
        response.Headers.ETag = Versioning.ETag(list.Version);
        return TypedResults.Created($"/api/v1/catalogue/price-lists/{list.Id}", PriceListView.Of(list, []));
    }

    private static async Task<Ok<PriceListView>> UpdatePriceList(Guid id, PriceListInput input, SanusDb db, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await UpdatePriceListAsync(db, id, input, Versioning.IfMatch(request)), response);

    private static async Task<Ok<PriceListView>> SetEntries(Guid id, EntriesRequest input, SanusDb db, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await SetEntriesAsync(db, id, input.Entries ?? [], Versioning.IfMatch(request)), response);

    private static async Task<Ok<PriceListView>> ArchivePriceList(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await SetPriceListArchivedAsync(db, clock, id, true, Versioning.IfMatch(request)), response);

    private static async Task<Ok<PriceListView>> RestorePriceList(Guid id, SanusDb db, TimeProvider clock, HttpRequest request, HttpResponse response) =>
        await RespondAsync(db, await SetPriceListArchivedAsync(db, clock, id, false, Versioning.IfMatch(request)), response);

    private static async Task<Ok<PriceView>> Price(SanusDb db, TimeProvider clock, Guid? productId, string? optionCode, string? channel, string? currency, decimal? quantity, DateOnly? on)
    {
        var errors = new Dictionary<string, string[]>();
        if (productId is null)
        {
            errors["productId"] = ["Give the productId to price."];
        }

        if (channel is null || !PriceChannels.All.Contains(channel))
        {
            errors["channel"] = [$"Give the channel: {string.Join(", ", PriceChannels.All)}."];
        }

        var (code, currencyError) = Currencies.Normalise(currency);
        if (currencyError is not null)
        {
            errors["currency"] = [currencyError];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var day = on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var count = quantity ?? 1;
        var price = await CataloguePricing.PriceAsync(db, new PriceRequest(productId!.Value, optionCode, channel!, code!, count, day));
        return TypedResults.Ok(new PriceView(
            price.Product.Id, price.Product.Sku, price.Product.Name, price.Option?.Code, price.PriceList.Id, price.PriceList.Name, price.PriceList.Channel,
            price.PriceList.Currency, day, count, price.TierMinQuantity, price.UnitPrice, decimal.Round(price.UnitPrice * count, 2, MidpointRounding.ToEven)));
    }

    private static Task<Results<Ok<CatalogueImportResult>, ProblemHttpResult>> ImportProducts(HttpRequest request, SanusDb db) =>
        ImportAsync(request, (file, content, dryRun) => CatalogueImport.ProductsAsync(db, file, content, dryRun));

    private static Task<Results<Ok<CatalogueImportResult>, ProblemHttpResult>> ImportPrices(HttpRequest request, SanusDb db) =>
        ImportAsync(request, (file, content, dryRun) => CatalogueImport.PricesAsync(db, file, content, dryRun));

    /// <summary>
    /// Reads the multipart form itself rather than binding IFormFile: a bound form makes routing answer 415 to a request of another
    /// content type before authentication runs, and an anonymous caller must get 401 like everywhere else.
    /// </summary>
    private static async Task<Results<Ok<CatalogueImportResult>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, Func<string, byte[], bool, Task<CatalogueImportResult>> import)
    {
        if (!request.HasFormContentType)
        {
            throw ProblemException.Invalid("file", "Send multipart/form-data with the CSV or XLSX file as the field \"file\".");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw ProblemException.Invalid("file", "Attach the CSV or XLSX file as the multipart field \"file\".");
        }

        var dryRunText = form.TryGetValue("dryRun", out var field) ? field.ToString() : request.Query["dryRun"].ToString();
        var dryRun = dryRunText.Length > 0 && (bool.TryParse(dryRunText, out var flag) ? flag : throw ProblemException.Invalid("dryRun", "Send dryRun=true or dryRun=false."));
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var result = await import(file.FileName, content.ToArray(), dryRun);
        if (result.Errors.Count > 0 && !dryRun)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Nothing was imported",
                detail: $"{result.Errors.Select(e => e.Row).Distinct().Count()} of {result.Rows} rows have errors, listed in 'rowErrors'. Correct them and import the whole file again.",
                extensions: new Dictionary<string, object?> { ["rowErrors"] = result.Errors });
        }

        return TypedResults.Ok(result);
    }

    private static Ok<ProductView> Respond(Product product, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(product.Version);
        return TypedResults.Ok(ProductView.Of(product));
    }

    private static async Task<Ok<PriceListView>> RespondAsync(SanusDb db, PriceList list, HttpResponse response)
    {
        response.Headers.ETag = Versioning.ETag(list.Version);
        return TypedResults.Ok(PriceListView.Of(list, await EntriesOfAsync(db, list)));
    }
}
