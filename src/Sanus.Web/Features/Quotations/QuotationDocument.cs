using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Deals;
using Sanus.Web.Platform.Documents;
using Sanus.Web.Platform.Signatures;

namespace Sanus.Web.Features.Quotations;

/// <summary>
/// Q-4: the printed quotation — our header, the customer and its contacts, every line, the totals, terms, reference
/// regulation, validity and the approval signatures of this revision. Drawn by RecordPdf.
/// </summary>
public static class QuotationDocument
{
    /// <summary>Our company as printed on top, from the settings section <c>Sanus:Issuer</c> (Name, Lines).</summary>
    public static DocumentHeader Issuer(IConfiguration configuration) => new(
        configuration["Sanus:Issuer:Name"] is { Length: > 0 } name ? name : "Osteon Medical",
        configuration.GetSection("Sanus:Issuer:Lines").Get<string[]>() ?? []);

    public static async Task<RecordDocument> BuildAsync(SanusDb db, DocumentHeader issuer, Quotation quotation, string? watermark = null)
    {
        var deal = await db.Set<Deal>().IgnoreQueryFilters().Include(d => d.Contacts).AsNoTracking().SingleAsync(d => d.Id == quotation.DealId);
        var company = await db.Set<Company>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == deal.CompanyId);
        var contactIds = deal.Contacts.Select(c => c.ContactId).ToList();
        var contacts = await db.Set<Contact>().IgnoreQueryFilters().AsNoTracking().Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.LastName).ToListAsync();
        var content = QuotationContent.Of(quotation);
        var signatures = (await db.Set<Signature>().AsNoTracking()
            .Where(s => s.RecordKind == QuotationRules.RecordKind && s.RecordId == quotation.Id && s.RecordRevision == quotation.Revision)
            .OrderBy(s => s.SignedAt).ToListAsync()).Where(s => s.Matches(content)).ToList();

        var totals = QuotationTotals.Of(quotation);
        var lines = quotation.Lines.OrderBy(l => l.Position).ToList();
        var c = quotation.Currency;
        var rows = lines.Select((l, i) => (IReadOnlyList<string>)[
            l.Position.ToString(CultureInfo.InvariantCulture),
            l.Sku ?? "",
            l.Description,
            Number(l.Quantity),
            l.Unit,
            l.UnitPrice.ToString("#,0.00##", CultureInfo.InvariantCulture),
            l.DiscountPercent == 0 ? "" : Number(l.DiscountPercent) + "%",
            Number(l.TaxRatePercent) + "%",
            Amount(totals.LineAmounts[i]),
        ]).ToList();

        List<DocumentField> totalFields = [new("Subtotal", Money(c, totals.Subtotal))];
        if (totals.LineDiscounts != 0)
        {
            totalFields.Add(new("Line discounts", "−" + Money(c, totals.LineDiscounts)));
        }

        if (totals.OverallDiscount != 0)
        {
            totalFields.Add(new($"Discount {Number(quotation.OverallDiscountPercent)}%", "−" + Money(c, totals.OverallDiscount)));
        }

        totalFields.Add(new("Net", Money(c, totals.Net)));
        totalFields.AddRange(totals.Taxes.Select(t => new DocumentField($"Tax {Number(t.RatePercent)}% on {Money(c, t.Base)}", Money(c, t.Tax))));
        totalFields.Add(new("Total", Money(c, totals.GrandTotal), Emphasis: true));

        List<DocumentField> facts =
        [
            new("Date", (quotation.IssuedAt ?? DateTime.UnixEpoch).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Revision", quotation.Revision.ToString(CultureInfo.InvariantCulture)),
            new("Valid until", quotation.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Currency", c),
            new("Deal", deal.Name),
        ];
        if (quotation.Template == QuotationTemplates.Equipment)
        {
            facts.Add(new("Channel", quotation.Channel));
        }

        List<DocumentSection> sections = [];
        if (quotation.Terms.Length > 0)
        {
            sections.Add(new("Terms", quotation.Terms));
        }

        sections.Add(new("Reference regulation", quotation.ReferenceRegulation ?? ""));
        sections.Add(new("Validity", $"This offer is valid until {quotation.ValidUntil:yyyy-MM-dd}. Amounts are computed by the system and rounded to the cent once per printed figure."));

        return new RecordDocument(
            issuer,
            "Quotation · " + QuotationTemplates.Label(quotation.Template),
            $"{quotation.Number} rev. {quotation.Revision}",
            facts,
            new DocumentParty(company.LegalName is { Length: > 0 } legal ? legal : company.Name,
                [.. new[] { company.LegalName is { Length: > 0 } ? company.Name : null, company.Country }.OfType<string>(), .. contacts.Select(p => $"{p.FullName} <{p.Email}>")]),
            new DocumentTable(["#", "SKU", "Description", "Qty", "Unit", "Unit price", "Disc.", "Tax", "Amount"], [true, false, false, true, false, true, true, true, true], rows),
            totalFields,
            sections,
            [.. signatures.Select(s => new DocumentSignature(s.SignerName, s.Meaning, s.SignedAt, s.ContentHash))],
            watermark);
    }

    public static string FileName(Quotation quotation) => $"{quotation.Number}-rev{quotation.Revision}.pdf";

    private static string Money(string currency, decimal amount) => $"{currency} {Amount(amount)}";

    private static string Amount(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
