using Sanus.Web.Platform.Records;

namespace Sanus.Web.Features.Contracts;

/// <summary>
/// A contract drafted from an accepted quotation and signed by both parties (CON-1). One row per contract; its
/// <see cref="Revision"/> counts the versions that were put up for signature: signatures bind to a revision's
/// content (REC-3), so a signed revision is frozen and a change starts the next one.
/// </summary>
public sealed class Contract : Entity
{
    public Guid DealId { get; set; }

    public Guid QuotationId { get; set; }

    /// <summary>REC-4: e.g. CT-2026-0003.</summary>
    public string Number { get; set; } = "";

    public int Revision { get; set; } = 1;

    public string Status { get; set; } = ContractStatus.Draft;

    /// <summary>ISO 4217 code of every amount on the contract: the quotation's.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The quotation's total, in minor units: what the customer agreed to pay.</summary>
    public long AgreedAmountMinor { get; set; }

    /// <summary>When set, the deal reaches Payment Done once payments cover this first instalment instead of the whole amount.</summary>
    public long? FirstInstalmentMinor { get; set; }

    public List<ContractClause> Clauses { get; set; } = [];

    /// <summary>When the second of the two signatures (ours and the customer's) was recorded.</summary>
    public DateTime? SignedAt { get; set; }

    /// <summary>The date of the later signature: the implementation plan is named after it (REC-4).</summary>
    public DateOnly? ContractDate { get; set; }

    /// <summary>Whether the recorded payments cover what the Payment Done gate asks (the amount or the first instalment).</summary>
    public bool PaymentGateMet { get; set; }

    public DateOnly? CancelledOn { get; set; }

    /// <summary>CON-2: what the Sales Manager decided the customer owes when a change ends the contract.</summary>
    public long? CancellationCostsMinor { get; set; }

    public string? CancellationNote { get; set; }

    /// <summary>What payments must cover for the Payment Done gate.</summary>
    public long PaymentGateMinor => FirstInstalmentMinor ?? AgreedAmountMinor;

    public bool IsEditable => Status == ContractStatus.Draft;
}

public static class ContractStatus
{
    public const string Draft = "Draft";
    public const string SignedByBoth = "Signed";
    public const string Cancelled = "Cancelled";
}

/// <summary>One text section of the contract. <see cref="Key"/> marks the standard clauses the rules look for.</summary>
public sealed class ContractClause
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public int Position { get; set; }

    /// <summary>The stable key of a standard clause (e.g. <see cref="StandardClauses.HealthcareProviderDeclaration"/>); null for a clause written for this contract.</summary>
    public string? Key { get; set; }

    public string Heading { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>The clauses every new contract starts with; the sales team edits them while the contract is a draft.</summary>
public static class StandardClauses
{
    /// <summary>GP-009, CON-1: the customer declares it is a healthcare provider; a contract can't be signed without it.</summary>
    public const string HealthcareProviderDeclaration = "healthcare-provider-declaration";

    public static readonly IReadOnlyList<(string Key, string Heading, string Text)> Defaults =
    [
        ("subject", "1. Subject", "The Supplier provides the Customer with the products and services described in the accepted quotation referenced above, on the terms of this contract."),
        ("price-and-payment", "2. Price and payment", "The Customer pays the agreed amount stated above on the payment terms stated above. Invoices are payable within 30 days of their date."),
        (HealthcareProviderDeclaration, "3. Healthcare provider declaration", "The Customer declares that it is a healthcare provider and that the products and services will be used by or under the supervision of qualified healthcare professionals in accordance with their intended purpose."),
        ("implementation", "4. Implementation", "Service provision begins once this contract is signed by both parties, following the implementation plan agreed with the Customer."),
        ("changes", "5. Changes", "A change requested after the provision of service has begun is assessed by the Supplier. If it is feasible, the previous quotation is cancelled and a new one issued; if not, the parties decide whether the service continues or the contract is cancelled, in which case the costs attributable to the Customer are due."),
        ("vigilance", "6. Vigilance and traceability", "The Customer informs the Supplier without delay of any incident or malfunction of the products and supports the Supplier's post-market surveillance and traceability obligations."),
        ("data-protection", "7. Data protection", "Each party complies with the data-protection law that applies to it. Where the Supplier processes personal data on the Customer's behalf, the parties sign a data-processing agreement."),
        ("law", "8. Governing law", "This contract is governed by the law of the Supplier's registered office; the courts of that place have jurisdiction."),
    ];
}
