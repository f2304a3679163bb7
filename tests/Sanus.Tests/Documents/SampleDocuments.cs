using System.Globalization;
using Sanus.Web.Platform.Documents;

namespace Sanus.Tests.Documents;

/// <summary>A quotation as the quotations area will print it: 60 lines, so it runs over several pages.</summary>
public static class SampleDocuments
{
    public static readonly DateTime SignedAt = new(2026, 11, 30, 14, 5, 9, DateTimeKind.Utc);

    public static string LineDescription(int line) =>
        $"Line {line:00}: Osteon TiLock {(line % 3 == 0 ? "locking compression plate, 4.5 mm, 8 holes, sterile packed, including instrument set loan and on-site training for the OR team" : "cortical screw 3.5 mm")}";

    public static RecordDocument Quotation(string customerName = "Hospital Universitario La Paz", string? watermark = null, bool withSignatures = true)
    {
        var rows = Enumerable.Range(1, 60).Select(line => (IReadOnlyList<string>)
        [
            line.ToString(CultureInfo.InvariantCulture),
            LineDescription(line),
            (line * 2).ToString(CultureInfo.InvariantCulture),
            "EUR 1,234.50",
            line % 4 == 0 ? "10 %" : "",
            (line * 2 * 1234.5m).ToString("#,##0.00", CultureInfo.InvariantCulture),
        ]).ToList();
        return new RecordDocument(
            new DocumentHeader("Osteon Medical GmbH", ["Industriestraße 12, 78532 Tuttlingen, Germany", "VAT DE123456789 · Registered at Amtsgericht Stuttgart HRB 123456", "sales@osteon.example · +49 7461 000000"]),
            "Quotation",
            "Q-2026-0042 rev. 2",
            [
                new DocumentField("Date", "2026-11-30"),
                new DocumentField("Valid until", "2027-01-31", Emphasis: true),
                new DocumentField("Currency", "EUR"),
                new DocumentField("Deal", "La Paz trauma plates 2027"),
                new DocumentField("Prepared by", "Marta Weber"),
            ],
            new DocumentParty(customerName, ["Paseo de la Castellana 261", "28046 Madrid, Spain", "Attn. Dr. Ana Ruiz, Head of Traumatology"]),
            new DocumentTable(
                ["#", "Description", "Qty", "Unit price", "Discount", "Amount (EUR)"],
                [true, false, true, true, true, true],
                rows),
            [
                new DocumentField("Subtotal", "EUR 4,518,270.00"),
                new DocumentField("Discount", "EUR -45,182.70"),
                new DocumentField("VAT 21 %", "EUR 939,348.34"),
                new DocumentField("Total", "EUR 5,412,435.64", Emphasis: true),
            ],
            [
                new DocumentSection("Terms of payment", "Payment 30 days net from the invoice date. Prices are ex works Tuttlingen (Incoterms 2020 EXW) unless agreed otherwise.\n\nDeliveries are invoiced as they ship."),
                new DocumentSection("Healthcare provider clause", "The customer confirms it is a healthcare provider entitled to purchase and use the medical devices quoted, and that they will be used only by qualified professionals according to their instructions for use."),
                new DocumentSection("Reference regulation", "Regulation (EU) 2017/745 on medical devices (MDR); the devices carry the CE mark with notified body 0123."),
                new DocumentSection("Validity", "This quotation is valid until 2027-01-31."),
            ],
            withSignatures
                ?
                [
                    new DocumentSignature("Marta Weber", "author", SignedAt, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                    new DocumentSignature("Jonas Richter", "approver", SignedAt.AddMinutes(42), "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"),
                ]
                : [],
            watermark);
    }
}
