using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Imports;
using Sanus.Web.Platform.Problems;
using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.Features.Catalogue;

/// <summary>A cell of an import file that can't be taken as it is: the spreadsheet's row number, the column and what to fix.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>
/// What an import did or, on a dry run or a refusal, would have done. All or nothing: with any error nothing is written.
/// Created and Updated count products (product files) or price tiers (price files).
/// </summary>
public sealed record CatalogueImportResult(bool DryRun, bool Imported, int Rows, int Created, int Updated, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Q-1 catalogue import from CSV or XLSX: a file of products and a file of prices, each row checked by the same rules as the
/// forms (CatalogueRules). Products are matched by SKU (an existing SKU is updated with the row's values; options in the file
/// are added or renamed, others kept); price rows are grouped by list name (a list in use with that name is updated, else
/// created) and each tier is added or re-priced, other tiers of the list kept.
/// </summary>
public static class CatalogueImport
{
    public static readonly IReadOnlyList<string> ProductColumns = ["sku", "name", "kind", "unit", "gtin", "regulation", "description", "options"];

    public static readonly IReadOnlyList<string> PriceColumns = ["priceList", "channel", "currency", "validFrom", "validTo", "sku", "option", "minQuantity", "unitPrice"];

    private static readonly string[] RequiredProductColumns = ["sku", "name", "kind", "unit"];

    private static readonly string[] RequiredPriceColumns = ["priceList", "channel", "currency", "validFrom", "sku", "minQuantity", "unitPrice"];

    public static async Task<CatalogueImportResult> ProductsAsync(SanusDb db, string fileName, byte[] content, bool dryRun)
    {
        var (sheet, column) = Read(fileName, content, ProductColumns, RequiredProductColumns);
        var errors = new List<ImportRowError>();
        var facts = await LoadProductFactsAsync(db, null, null);
        var skus = sheet.Rows.Select(r => NormaliseSku(column(r, "sku"))).Where(s => s.Length > 0).Distinct().ToList();
        var existing = new Dictionary<string, Product>();
        foreach (var product in await db.Set<Product>().Include(p => p.Options).Where(p => skus.Contains(p.Sku.ToUpper())).ToListAsync())
        {
            existing.TryAdd(NormaliseSku(product.Sku), product);
        }

        var storedOptions = existing.Values.SelectMany(p => p.Options).ToHashSet();
        var seen = new Dictionary<string, int>();
        var created = new List<Product>();
        var updated = 0;
        foreach (var row in sheet.Rows)
        {
            var sku = NormaliseSku(column(row, "sku"));
            if (sku.Length > 0 && seen.TryGetValue(sku, out var earlier))
            {
                errors.Add(new ImportRowError(row.Number, "sku", $"The SKU {sku} is already on row {earlier}: one row per product."));
                continue;
            }

            seen[sku] = row.Number;
            var product = existing.GetValueOrDefault(sku) ?? new Product();
            var input = new ProductInput(
                column(row, "sku"), column(row, "name"), column(row, "kind"), column(row, "unit"), column(row, "gtin"), column(row, "regulation"), column(row, "description"));
            var rowErrors = TryApply(product, input, facts).Select(e => (Column: e.Key == "referenceRegulation" ? "regulation" : e.Key, e.Value)).ToList();
            var codes = new HashSet<string>();
            foreach (var option in (column(row, "options") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = option.Split(':', 2, StringSplitOptions.TrimEntries);
                if (parts.Length < 2 || !codes.Add(NormaliseSku(parts[0])))
                {
                    rowErrors.Add(("options", [$"Write each option once as CODE:Name, separated by |, e.g. T3:Size 3|T4:Size 4 (\"{option}\")."]));
                    continue;
                }

                rowErrors.AddRange(TryAddOrRenameOption(product, new OptionInput(parts[0], parts[1]), adding: false)
                    .Select(e => (Column: "options", Value: e.Value.Select(m => $"{parts[0]}: {m}").ToArray())));
            }

            errors.AddRange(rowErrors.SelectMany(e => e.Value.Select(message => new ImportRowError(row.Number, e.Column, message))));
            if (rowErrors.Count == 0)
            {
                if (product.Version == 0)
                {
                    created.Add(product);
                }
                else
                {
                    updated++;
                }
            }
        }

        return await FinishAsync(db, dryRun, sheet.Rows.Count, created.Count, updated, errors, () =>
        {
            foreach (var product in existing.Values)
            {
                TrackNewOptions(db, product, storedOptions);
            }

            db.AddRange(created);
        });
    }

    public static async Task<CatalogueImportResult> PricesAsync(SanusDb db, string fileName, byte[] content, bool dryRun)
    {
        var (sheet, column) = Read(fileName, content, PriceColumns, RequiredPriceColumns);
        var errors = new List<ImportRowError>();
        var activeNames = await ActiveListNamesAsync(db);
        var lists = await db.Set<PriceList>().Include(l => l.Entries).Where(l => l.ArchivedAt == null).ToDictionaryAsync(l => l.Id);
        var skus = sheet.Rows.Select(r => NormaliseSku(column(r, "sku"))).Where(s => s.Length > 0).Distinct().ToList();
        var products = new Dictionary<string, Product>();
        foreach (var product in await db.Set<Product>().AsNoTracking().Include(p => p.Options).Where(p => skus.Contains(p.Sku.ToUpper())).ToListAsync())
        {
            products.TryAdd(NormaliseSku(product.Sku), product);
        }

        var groups = new Dictionary<string, ListGroup>();
        foreach (var row in sheet.Rows)
        {
            var rowErrors = new List<(string Column, string Message)>();
            var header = new PriceListInput(
                column(row, "priceList"), column(row, "channel"), column(row, "currency"),
                ParseDate(column(row, "validFrom"), "validFrom", rowErrors), ParseDate(column(row, "validTo"), "validTo", rowErrors));
            var nameKey = NameKey(header.Name);
            if (!groups.TryGetValue(nameKey, out var group))
            {
                var list = nameKey.Length > 0 && activeNames.TryGetValue(nameKey, out var id) ? lists[id] : new PriceList();
                var headerErrors = TryApplyList(list, header, activeNames);
                rowErrors.AddRange(headerErrors.SelectMany(e => e.Value.Select(m => (e.Key == "name" ? "priceList" : e.Key, m))));
                group = new ListGroup(list, row.Number, headerErrors.Count == 0, []);
                groups[nameKey] = group;
            }
            else if (group.HeaderValid)
            {
                rowErrors.AddRange(Disagreements(group, header));
            }

            var sku = NormaliseSku(column(row, "sku"));
            var product = products.GetValueOrDefault(sku);
            var entry = new EntryInput(product?.Id, column(row, "option"), ParseInt(column(row, "minQuantity"), rowErrors), ParseDecimal(column(row, "unitPrice"), rowErrors));
            var entryErrors = TryEntry(entry, product, out var key, out var unitPrice);
            foreach (var (field, messages) in entryErrors)
            {
                var message = field == "productId"
                    ? sku.Length == 0 ? "Enter the SKU of a product in the catalogue." : $"There is no product with the SKU {sku}: import the products first."
                    : messages[0];
                if (!rowErrors.Any(e => e.Column == ColumnOf(field)))
                {
                    rowErrors.Add((ColumnOf(field), message));
                }
            }

            if (key is not null && !group.Tiers.TryAdd(key, (row.Number, unitPrice)))
            {
                rowErrors.Add(("minQuantity", $"Row {group.Tiers[key].Row} already prices {sku}{(key.OptionCode is { } code ? " " + code : "")} from {key.MinQuantity} on this list."));
            }

            // One message per column: a date that can't be read is not also reported as missing.
            errors.AddRange(rowErrors.DistinctBy(e => e.Column).Select(e => new ImportRowError(row.Number, e.Column, e.Message)));
        }

        var created = 0;
        var updated = 0;
        foreach (var group in groups.Values)
        {
            foreach (var (key, (_, price)) in group.Tiers)
            {
                if (group.List.Entries.FirstOrDefault(e => new EntryKey(e.ProductId, e.OptionCode, e.MinQuantity) == key) is { } existingEntry)
                {
                    existingEntry.UnitPrice = price;
                    updated++;
                }
                else
                {
                    group.NewEntries.Add(new PriceListEntry { PriceListId = group.List.Id, ProductId = key.ProductId, OptionCode = key.OptionCode, MinQuantity = key.MinQuantity, UnitPrice = price });
                    created++;
                }
            }
        }

        return await FinishAsync(db, dryRun, sheet.Rows.Count, created, updated, errors, () =>
        {
            foreach (var group in groups.Values)
            {
                if (group.List.Version == 0)
                {
                    db.Add(group.List);
                }
                else
                {
                    // New tiers are a new version of the list, like a change made on its page.
                    db.Entry(group.List).Property(l => l.UpdatedAt).IsModified = true;
                }

                // Added to the context, not only to the list: their ids are set, so found through a stored list they would be taken for stored rows.
                db.AddRange(group.NewEntries);
            }
        });
    }

    private sealed record ListGroup(PriceList List, int FirstRow, bool HeaderValid, Dictionary<EntryKey, (int Row, decimal UnitPrice)> Tiers)
    {
        public List<PriceListEntry> NewEntries { get; } = [];
    }

    private static string ColumnOf(string field) => field switch
    {
        "optionCode" => "option",
        "productId" => "sku",
        _ => field,
    };

    /// <summary>Every row of one list must describe it the same way; the first row of the list sets it.</summary>
    private static IEnumerable<(string Column, string Message)> Disagreements(ListGroup group, PriceListInput header)
    {
        var list = group.List;
        var currency = header.Currency?.Trim().ToUpperInvariant();
        var said = $"Row {group.FirstRow} gives the list \"{list.Name}\"";
        if (header.Channel != list.Channel)
        {
            yield return ("channel", $"{said} the channel {list.Channel}: every row of one list must agree.");
        }

        if (currency != list.Currency)
        {
            yield return ("currency", $"{said} the currency {list.Currency}: every row of one list must agree.");
        }

        if (header.ValidFrom is { } from && from != list.ValidFrom)
        {
            yield return ("validFrom", $"{said} the first day {list.ValidFrom:yyyy-MM-dd}: every row of one list must agree.");
        }

        if (header.ValidTo != list.ValidTo)
        {
            yield return ("validTo", $"{said} the last day {list.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)"}: every row of one list must agree.");
        }
    }

    private static async Task<CatalogueImportResult> FinishAsync(SanusDb db, bool dryRun, int rows, int created, int updated, List<ImportRowError> errors, Action stage)
    {
        var imported = errors.Count == 0 && !dryRun;
        if (imported)
        {
            stage();
            await db.SaveChangesAsync();
        }
        else
        {
            // All or nothing: the rows already applied to tracked records are dropped, not saved by a later call.
            db.ChangeTracker.Clear();
        }

        return new CatalogueImportResult(dryRun, imported, rows, created, updated, errors);
    }

    private delegate string? ColumnReader(ImportFileReader.SheetRow row, string column);

    /// <summary>Reads the file and finds its columns by header, whatever their case, spaces or underscores; unknown headers are refused.</summary>
    private static (ImportFileReader.Sheet Sheet, ColumnReader Column) Read(string fileName, byte[] content, IReadOnlyList<string> known, string[] required)
    {
        if (content.Length > Importing.MaxFileBytes)
        {
            throw ProblemException.Invalid("file", $"The file is larger than {Importing.MaxFileBytes / 1024 / 1024} MB: split it into smaller files.");
        }

        var sheet = ImportFileReader.Read(fileName, content);
        var byKey = known.ToDictionary(Key);
        var positions = new Dictionary<string, int>();
        var problems = new List<string>();
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            if (sheet.Headers[i].Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(Key(sheet.Headers[i]), out var name))
            {
                problems.Add($"The column \"{sheet.Headers[i]}\" is not known: the columns are {string.Join(", ", known)}.");
            }
            else if (!positions.TryAdd(name, i))
            {
                problems.Add($"The column {name} appears twice: keep one.");
            }
        }

        problems.AddRange(required.Where(r => !positions.ContainsKey(r)).Select(r => $"The file has no column {r}: the first row must name the columns {string.Join(", ", known)}."));
        if (problems.Count > 0)
        {
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["file"] = [.. problems] });
        }

        return (sheet, (row, name) => positions.TryGetValue(name, out var index) ? row.Cell(index) : null);
    }

    private static string Key(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static DateOnly? ParseDate(string? text, string column, List<(string Column, string Message)> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add((column, $"\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01."));
        return null;
    }

    private static int? ParseInt(string? text, List<(string Column, string Message)> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(("minQuantity", $"\"{text}\" is not a whole number."));
        return null;
    }

    /// <summary>A price as typed: 1250.50, or 1250,50 as Spanish and German spreadsheets save it.</summary>
    private static decimal? ParseDecimal(string? text, List<(string Column, string Message)> errors)
    {
        if (text is null)
        {
            return null;
        }

        var normal = text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal) ? text.Replace(',', '.') : text.Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(normal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(("unitPrice", $"\"{text}\" is not a price: write it like 1250.50."));
        return null;
    }
}
