using System.Globalization;
using Sanus.Web.Data;
using Sanus.Web.Features.Catalogue;
using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.DemoData;

/// <summary>
/// Osteon Medical's catalogue (Q-1): orthopaedic implants with sizes, consumables sold by the box, the imaging-AI software plans,
/// services and support packages; direct, distributor and tender price lists in EUR and a direct one in GBP, valid from the start
/// of this year, with quantity tiers on consumables and software. Built through the same rules as the pages.
/// </summary>
public static class DemoCatalogue
{
    private const string Implant = "EU MDR 2017/745, class III";
    private const string Fixation = "EU MDR 2017/745, class IIb";
    private const string Software = "EU MDR 2017/745, class IIa (medical device software, Rule 11)";

    private sealed record Item(
        string Sku, string Name, string Kind, string Unit, string? GtinBody, string? Regulation, string Description, (string Code, string Name)[] Options,
        (int MinQuantity, decimal Price)[] Tiers, (string Option, decimal Price)[]? OptionPrices = null);

    private static readonly Item[] Items =
    [
        new("OST-KNEE-TK", "Osteon TK Total Knee System", ProductKinds.DeviceModel, "each", "841234500001", Implant,
            "Cemented total knee replacement: femoral component, tibial tray and insert, one size per patient.",
            [("T1", "Size 1"), ("T2", "Size 2"), ("T3", "Size 3"), ("T4", "Size 4"), ("T5", "Size 5"), ("T6", "Size 6 (large)")],
            [(1, 3900m), (20, 3650m)], [("T6", 4200m)]),
        new("OST-HIP-HS", "Osteon HS Cementless Hip Stem", ProductKinds.DeviceModel, "each", "841234500002", Implant,
            "Titanium cementless femoral stem with hydroxyapatite coating.",
            [("S10", "Size 10"), ("S12", "Size 12"), ("S14", "Size 14"), ("S16", "Size 16")],
            [(1, 2600m), (20, 2450m)]),
        new("OST-CEM-40", "Osteon Bone Cement 40 g (box of 10)", ProductKinds.Consumable, "box", "841234500003", Implant,
            "PMMA bone cement with gentamicin, ten 40 g doses per box.", [], [(1, 420m), (10, 390m), (50, 360m)]),
        new("OST-SCR-45", "Osteon 4.5 mm Cortical Bone Screws (box of 20)", ProductKinds.Consumable, "box", "841234500004", Fixation,
            "Self-tapping titanium cortical screws, lengths 20–60 mm.", [], [(1, 310m), (10, 285m), (50, 260m)]),
        new("OST-AI-REP", "Osteon Vision AI — per report", ProductKinds.SoftwarePlan, "report", null, Software,
            "AI-assisted radiograph reading for arthroplasty planning, billed per signed report.", [], [(1, 45m), (500, 38m), (2000, 30m)]),
        new("OST-AI-PAT", "Osteon Vision AI — per patient", ProductKinds.SoftwarePlan, "patient", null, Software,
            "Unlimited reports for one patient's episode of care.", [], [(1, 120m), (250, 100m), (1000, 85m)]),
        new("OST-SVC-INST", "Installation and commissioning", ProductKinds.Service, "site", null, null,
            "On-site installation, integration with PACS and acceptance testing.", [], [(1, 4500m)]),
        new("OST-SVC-TRAIN", "Surgeon and staff training", ProductKinds.Service, "day", null, null,
            "One day of training by an Osteon clinical specialist, on site or at the Osteon academy.", [], [(1, 1800m)]),
        new("OST-SUP-L1", "Support Level 1 General", ProductKinds.SupportPackage, "year", null, null,
            "Help desk on working days and software updates. Included with every contract.", [], [(1, 0m)]),
        new("OST-SUP-L2", "Support Level 2 Gold", ProductKinds.SupportPackage, "year", null, null,
            "24/7 help desk, next-day field service and a yearly on-site review.", [], [(1, 12000m)]),
        new("OST-SUP-L3", "Support Level 3 Customised", ProductKinds.SupportPackage, "year", null, null,
            "Gold support plus a named engineer and service levels agreed per site.", [], [(1, 24000m)]),
    ];

    private static readonly (string Channel, string Currency, decimal Factor)[] Lists =
    [
        (PriceChannels.Direct, "EUR", 1m),
        (PriceChannels.Distributor, "EUR", 0.70m),
        (PriceChannels.Tender, "EUR", 0.85m),
        (PriceChannels.Direct, "GBP", 0.86m),
    ];

    public static async Task LoadAsync(SanusDb db, TimeProvider clock)
    {
        var facts = await LoadProductFactsAsync(db, null, null);
        var products = new List<(Item Item, Product Product)>();
        foreach (var item in Items)
        {
            var gtin = item.GtinBody is { } body ? body + Gtin.CheckDigit(body).ToString(CultureInfo.InvariantCulture) : null;
            var product = new Product();
            Require(TryApply(product, new ProductInput(item.Sku, item.Name, item.Kind, item.Unit, gtin, item.Regulation, item.Description), facts), item.Sku);
            foreach (var (code, name) in item.Options)
            {
                Require(TryAddOrRenameOption(product, new OptionInput(code, name), adding: true), item.Sku);
            }

            db.Add(product);
            products.Add((item, product));
        }

        var year = clock.GetUtcNow().Year;
        var names = await ActiveListNamesAsync(db);
        foreach (var (channel, currency, factor) in Lists)
        {
            var list = new PriceList();
            var name = $"{char.ToUpperInvariant(channel[0])}{channel[1..]} {currency} {year}";
            Require(TryApplyList(list, new PriceListInput(name, channel, currency, new DateOnly(year, 1, 1)), names), name);
            db.Add(list);
            foreach (var (item, product) in products)
            {
                var tiers = item.Tiers.Select(t => (Option: (string?)null, t.MinQuantity, t.Price))
                    .Concat((item.OptionPrices ?? []).Select(o => (Option: (string?)o.Option, MinQuantity: 1, o.Price)));
                foreach (var (option, minQuantity, price) in tiers)
                {
                    Require(TryEntry(new EntryInput(product.Id, option, minQuantity, decimal.Round(price * factor, 0, MidpointRounding.ToEven)), product, out var key, out var unitPrice), item.Sku);
                    db.Add(new PriceListEntry { PriceListId = list.Id, ProductId = key!.ProductId, OptionCode = key.OptionCode, MinQuantity = key.MinQuantity, UnitPrice = unitPrice });
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static void Require(Dictionary<string, string[]> errors, string what)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Demo catalogue {what}: {string.Join(" ", errors.SelectMany(e => e.Value))}");
        }
    }
}
