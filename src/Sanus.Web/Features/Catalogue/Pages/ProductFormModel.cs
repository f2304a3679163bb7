using Sanus.Web.Components.Shared;
using static Sanus.Web.Features.Catalogue.CatalogueRules;

namespace Sanus.Web.Features.Catalogue.Pages;

/// <summary>What the product form holds while the person types: kept as typed, so a refusal never loses input (UX-4).</summary>
public sealed class ProductFormModel
{
    public string? Sku { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; } = ProductKinds.DeviceModel;

    public string? Unit { get; set; } = "each";

    public string? Gtin { get; set; }

    public string? ReferenceRegulation { get; set; }

    public string? Description { get; set; }

    public static ProductFormModel From(ProductView view) => new()
    {
        Sku = view.Sku,
        Name = view.Name,
        Kind = view.Kind,
        Unit = view.Unit,
        Gtin = view.Gtin,
        ReferenceRegulation = view.ReferenceRegulation,
        Description = view.Description,
    };

    public ProductInput ToInput() => new(Sku, Name, Kind, Unit, Gtin, ReferenceRegulation, Description);

    /// <summary>The fields where the stored product differs from what this form holds, for the conflict view.</summary>
    public List<FieldDifference> DifferencesFrom(ProductView theirs)
    {
        var fields = new (string Label, string? Theirs, string? Yours)[]
        {
            ("SKU", theirs.Sku, Sku),
            ("Name", theirs.Name, Name),
            ("Kind", theirs.Kind, Kind),
            ("Unit", theirs.Unit, Unit),
            ("GTIN", theirs.Gtin, Gtin),
            ("Reference regulation", theirs.ReferenceRegulation, ReferenceRegulation),
            ("Description", theirs.Description, Description),
        };
        return fields
            .Where(f => !string.Equals(f.Theirs?.Trim() ?? "", f.Yours?.Trim() ?? "", StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Label, f.Theirs, f.Yours))
            .ToList();
    }
}
