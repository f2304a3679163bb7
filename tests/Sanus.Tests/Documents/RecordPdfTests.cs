using Sanus.Web.Platform.Documents;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Sanus.Tests.Documents;

/// <summary>Q-4, CON-1, REC-3: the printed quotation/contract, read back as text the way a reader or a search index sees it.</summary>
public sealed class RecordPdfTests
{
    private const string ChineseName = "北京协和医院";
    private static readonly string[] FirstPageAmounts = ["2,469.00", "12,345.00", "49,380.00"];

    /// <summary>Text without white space: a description wrapped over two lines reads back without the line break.</summary>
    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Squash(p.Text))];
    }

    [Fact]
    public void Sixty_lines_run_over_pages_and_every_line_total_section_and_signature_reads_back()
    {
        var quotation = SampleDocuments.Quotation();

        var pages = PageTexts(RecordPdf.Render(quotation));

        Assert.True(pages.Count >= 2, $"60 lines should need more than one page, got {pages.Count}.");
        var all = string.Concat(pages);
        Assert.Contains(Squash("Q-2026-0042 rev. 2"), all);
        Assert.Contains(Squash("Hospital Universitario La Paz"), all);
        Assert.Contains(Squash("Attn. Dr. Ana Ruiz, Head of Traumatology"), all);
        foreach (var line in Enumerable.Range(1, 60))
        {
            Assert.Contains(Squash(SampleDocuments.LineDescription(line)), all);
        }

        foreach (var field in quotation.Facts.Concat(quotation.Totals))
        {
            Assert.Contains(Squash(field.Label + field.Value), all);
        }

        foreach (var section in quotation.Sections)
        {
            Assert.Contains(Squash(section.Heading), all);
            Assert.All(section.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), paragraph => Assert.Contains(Squash(paragraph), all));
        }

        Assert.Contains(Squash("Electronically signed by Marta Weber — author — 2026-11-30 14:05:09 UTC — SHA-256 9f86d081884c7d65…"), all);
        Assert.Contains(Squash("Electronically signed by Jonas Richter — approver — 2026-11-30 14:47:09 UTC — SHA-256 60303ae22b998861…"), all);
        Assert.DoesNotContain("Notsigned", all);
    }

    [Fact]
    public void Every_page_repeats_our_header_the_number_the_page_count_and_the_column_headers()
    {
        var pages = PageTexts(RecordPdf.Render(SampleDocuments.Quotation()));

        for (var page = 1; page <= pages.Count; page++)
        {
            var text = pages[page - 1];
            Assert.Contains("OsteonMedicalGmbH", text);
            Assert.Contains(Squash("VAT DE123456789"), text);
            Assert.Contains("QuotationQ-2026-0042rev.2", text);
            Assert.Contains($"Page{page}of{pages.Count}", text);
        }

        Assert.Contains(Squash("# Description Qty Unit price Discount Amount (EUR)"), pages[1]);
        Assert.DoesNotContain(Squash(SampleDocuments.LineDescription(1)), pages[1]);
    }

    [Fact]
    public void Amounts_are_right_aligned_and_the_emphasised_total_is_bold()
    {
        using var document = PdfDocument.Open(RecordPdf.Render(SampleDocuments.Quotation()));
        var first = document.GetPage(1).GetWords().ToList();
        var amounts = FirstPageAmounts.Select(a => Assert.Single(first, w => w.Text == a)).ToList();
        Assert.All(amounts, a => Assert.Equal(amounts[0].BoundingBox.Right, a.BoundingBox.Right, 0.5));
        Assert.True(amounts[1].BoundingBox.Left < amounts[0].BoundingBox.Left, "A longer amount starts further left when right-aligned.");

        var words = document.GetPages().SelectMany(p => p.GetWords()).ToList();
        Word Find(string text) => words.Single(w => w.Text == text);
        Assert.Contains("Bold", Find("5,412,435.64").Letters[0].FontName, StringComparison.Ordinal);
        Assert.DoesNotContain("Bold", Find("4,518,270.00").Letters[0].FontName, StringComparison.Ordinal);
        Assert.Equal(Find("5,412,435.64").BoundingBox.Right, Find("4,518,270.00").BoundingBox.Right, 0.5);
    }

    [Fact]
    public void An_unsigned_superseded_document_says_not_signed_and_carries_the_watermark_on_every_page()
    {
        var pages = PageTexts(RecordPdf.Render(SampleDocuments.Quotation(watermark: "SUPERSEDED", withSignatures: false)));

        Assert.All(pages, text => Assert.Contains("SUPERSEDED", text));
        Assert.Contains("Notsigned", pages[^1]);
        Assert.DoesNotContain("Electronicallysignedby", string.Concat(pages));
    }

    [Fact]
    public void A_chinese_customer_name_renders_and_the_latin_text_still_reads_back()
    {
        var pages = PageTexts(RecordPdf.Render(SampleDocuments.Quotation(customerName: ChineseName + " Peking Union Medical College Hospital")));

        Assert.Contains(Squash("Peking Union Medical College Hospital"), pages[0]);
        Assert.Contains(Squash("Paseo de la Castellana 261"), pages[0]);
        if (SKFontManager.Default.FontFamilies.Any(f => f.Contains("CJK", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Contains(ChineseName, pages[0]);
        }
    }

    [Fact]
    public void Characters_no_installed_font_has_and_broken_text_do_not_fail_the_document()
    {
        var odd = "Clínica \uE000 \U0001FAE8 \uD800 Ålesund — Zürich";

        var pages = PageTexts(RecordPdf.Render(SampleDocuments.Quotation(customerName: odd)));

        Assert.Contains("Clínica", pages[0]);
        Assert.Contains("Zürich", pages[0]);
    }

    [Fact]
    public void A_document_without_lines_totals_or_sections_still_has_its_header_and_signature_block()
    {
        var empty = new RecordDocument(new DocumentHeader("Osteon Medical GmbH", []), "Contract", "C-2026-0007", [], new DocumentParty("Clinica Rotger", []), null, [], [], []);

        var pages = PageTexts(RecordPdf.Render(empty));

        var page = Assert.Single(pages);
        Assert.Contains("ContractC-2026-0007", page);
        Assert.Contains("ClinicaRotger", page);
        Assert.Contains("Page1of1", page);
        Assert.Contains("Notsigned", page);
    }
}
