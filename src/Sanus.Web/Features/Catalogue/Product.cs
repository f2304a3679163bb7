using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Catalogue;

/// <summary>Something we sell: a device model, a software plan, a consumable, a service or a support package.</summary>
public sealed class Product : Entity
{
    /// <summary>Our stock-keeping unit, unique in the catalogue.</summary>
    public string Sku { get; set; } = "";

    /// <summary>GS1 GTIN-14 (shorter GTINs are padded with zeros), check digit verified; null for services.</summary>
    public string? Gtin { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = ProductKinds.DeviceModel;

    /// <summary>What one of it is: each, box, month, report, patient, site, session.</summary>
    public string Unit { get; set; } = "each";

    public string? Description { get; set; }

    /// <summary>Q-4, GP-009: the regulation the product is based on, printed on quotations (e.g. "EU MDR 2017/745, class IIb").</summary>
    public string? ReferenceRegulation { get; set; }

    public List<ProductOption> Options { get; set; } = [];
}

/// <summary>A configuration of a product (e.g. a size or a licence tier) that may carry its own prices.</summary>
public sealed class ProductOption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    /// <summary>Short code, unique within the product, used in price lists and imports.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}

public static class ProductKinds
{
    public const string DeviceModel = "device-model";
    public const string SoftwarePlan = "software-plan";
    public const string Consumable = "consumable";
    public const string Service = "service";
    public const string SupportPackage = "support-package";

    public static readonly IReadOnlyList<string> All = [DeviceModel, SoftwarePlan, Consumable, Service, SupportPackage];
}
