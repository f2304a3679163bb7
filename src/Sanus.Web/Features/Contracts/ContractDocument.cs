using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Documents;

namespace Sanus.Web.Features.Contracts;

/// <summary>CON-1: the contract as printed — parties, number, amount, payment terms, every clause and both parties' signatures.</summary>
public static class ContractDocument
{
    /// <summary>Our company as printed at the top; set <c>Sanus:Issuer:Name</c> and <c>Sanus:Issuer:Lines</c> (address, registration, contact).</summary>
    public static DocumentHeader Issuer(IConfiguration configuration) => new(
        configuration["Sanus:Issuer:Name"] is { Length: > 0 } name ? name : "Osteon Medical",
        configuration.GetSection("Sanus:Issuer:Lines").Get<string[]>() ?? []);

    public static async Task<RecordDocument> BuildAsync(SanusDb db, Contract contract, DocumentHeader issuer)
    {
        var details = await ContractDetails.LoadAsync(db, contract);
        var deal = await db.Set<Deal>().IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == contract.DealId);
        var company = await db.Set<Company>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == deal.CompanyId);
        var customerName = string.IsNullOrWhiteSpace(company.LegalName) ? company.Name : company.LegalName;

        List<DocumentField> facts =
        [
            new("Revision", details.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Status", details.Status, Emphasis: true),
            new("Quotation", $"{details.QuotationNumber} revision {details.QuotationRevision}"),
            new("Deal", deal.Name),
            new("Currency", details.Currency),
        ];
        if (details.ContractDate is { } date)
        {
            facts.Insert(0, new DocumentField("Contract date", ContractFormat.Date(date), Emphasis: true));
        }

        List<DocumentField> totals = [new("Agreed amount", ContractFormat.Money(details.Currency, details.AgreedAmount), Emphasis: true)];
        if (details.FirstInstalment is { } first)
        {
            totals.Add(new DocumentField("First instalment", ContractFormat.Money(details.Currency, first)));
        }

        List<DocumentSection> sections = [new("Payment terms", details.PaymentTerms), .. details.Clauses.Select(c => new DocumentSection(c.Heading, c.Text))];
        if (details.CustomerSignature is { } customer)
        {
            sections.Add(new DocumentSection("Signature of the Customer",
                $"Signed for {customerName} by {customer.SignatoryName} on {ContractFormat.Date(customer.SignedOn)}. The signed copy \"{customer.FileName}\" (SHA-256 {customer.FileSha256}) is on file; it signs revision {customer.Revision} (content SHA-256 {customer.ContentHash})."));
        }

        if (details.Status == ContractStatus.Cancelled)
        {
            sections.Add(new DocumentSection("Cancellation",
                $"Cancelled on {ContractFormat.Date(details.CancelledOn)}. Costs attributable to the Customer: {ContractFormat.Money(details.Currency, details.CancellationCosts ?? 0)}. {details.CancellationNote}"));
        }

        List<DocumentSignature> signatures = [.. details.OurSignatures.Select(s => new DocumentSignature($"{s.SignerName} for {issuer.Name}", s.Meaning, s.SignedAt, s.ContentHash))];
        if (details.CustomerSignature is { } theirs)
        {
            signatures.Add(new DocumentSignature($"{theirs.SignatoryName} for {customerName} (signed copy recorded by {theirs.RecordedByName})", "signer", theirs.RecordedAt, theirs.ContentHash));
        }

        return new RecordDocument(
            issuer,
            "Service contract",
            $"{details.Number} rev. {details.Revision}",
            facts,
            new DocumentParty(customerName, new[] { company.Name == customerName ? "" : company.Name, company.Country }.Where(l => l.Length > 0).ToList()),
            null,
            totals,
            sections,
            signatures,
            details.Status switch
            {
                ContractStatus.Draft => "DRAFT",
                ContractStatus.Cancelled => "CANCELLED",
                _ => null,
            });
    }
}
