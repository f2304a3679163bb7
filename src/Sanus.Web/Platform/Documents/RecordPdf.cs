using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Sanus.Web.Platform.Documents;

/// <summary>
/// Draws a <see cref="RecordDocument"/> as an A4 PDF (Q-4, CON-1, REC-3) with SkiaSharp: real, extractable text in
/// DejaVu Sans, falling back per run of text to any installed font that has the characters (Chinese company names),
/// our header and "Page x of y" on every page, and table headers repeated after each page break.
/// </summary>
public static class RecordPdf
{
    public static byte[] Render(RecordDocument document)
    {
        using var layout = new PdfLayout(document);
        var pages = layout.Build();
        using var stream = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"{document.Title} {document.Number}";
        metadata.Author = document.Issuer.Name;
        metadata.Creator = "Sanus";
        metadata.Producer = "Sanus (SkiaSharp)";
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PdfLayout.PageWidth, PdfLayout.PageHeight);
                layout.DrawPageFrame(canvas, i + 1, pages.Count);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }

                layout.DrawWatermark(canvas);

                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }

    /// <summary>How every signature reads on paper (REC-3): who, with what meaning, when (UTC) and which version (hash).</summary>
    public static string SignatureLine(DocumentSignature signature) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Electronically signed by {signature.SignerName} — {signature.Meaning} — {signature.SignedAtUtc:yyyy-MM-dd HH:mm:ss} UTC — SHA-256 {signature.ContentHash[..Math.Min(16, signature.ContentHash.Length)]}…");
}

/// <summary>
/// Lays the document out into pages of drawing steps first, so that the page frame can say "Page x of y" once the
/// number of pages is known.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Margin = 48f;
    private const float Left = Margin;
    private const float Right = PageWidth - Margin;
    private const float ContentWidth = Right - Left;
    private const float CellPadX = 5f;
    private const float CellPadY = 3.5f;

    private static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    private static readonly SKColor Muted = new(0x5F, 0x6B, 0x7A);
    private static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    private static readonly SKColor RuleColor = new(0xC9, 0xD1, 0xDB);
    private static readonly SKColor HeaderFill = new(0xE8, 0xEE, 0xF5);
    private static readonly SKColor StripeFill = new(0xF7, 0xF9, 0xFB);

    private static readonly TextStyle Body = new(9f, false, Ink);
    private static readonly TextStyle BodyBold = new(9f, true, Ink);
    private static readonly TextStyle Small = new(7.5f, false, Muted);
    private static readonly TextStyle Label = new(8f, false, Muted);
    private static readonly TextStyle ColumnHeader = new(8f, true, Ink);
    private static readonly TextStyle Heading = new(10.5f, true, Accent);
    private static readonly TextStyle IssuerName = new(13f, true, Accent);
    private static readonly TextStyle Title = new(16f, true, Ink);
    private static readonly TextStyle Number = new(10f, false, Ink);
    private static readonly TextStyle Emphasis = new(10.5f, true, Ink);
    private static readonly TextStyle SignatureText = new(8.5f, false, Ink);

    private readonly RecordDocument _document;
    private readonly PdfText _text = new();
    private readonly List<List<Action<SKCanvas>>> _pages = [];
    private readonly float _bodyTop;
    private readonly float _bodyBottom = PageHeight - Margin - 22f;
    private List<Action<SKCanvas>> _page = [];
    private float _y;

    public PdfLayout(RecordDocument document)
    {
        _document = document;
        _bodyTop = Margin + FrameHeaderHeight() + 18f;
    }

    public List<List<Action<SKCanvas>>> Build()
    {
        NewPage();
        PartiesAndFacts();
        Table();
        Totals();
        foreach (var section in _document.Sections)
        {
            Section(section.Heading, section.Text);
        }

        Signatures();
        return _pages;
    }

    public void Dispose() => _text.Dispose();

    /// <summary>Our header (issuer, title, number) and the footer with the page count, on every page.</summary>
    public void DrawPageFrame(SKCanvas canvas, int page, int pages)
    {
        var issuerWidth = ContentWidth * 0.58f;
        var y = Margin;
        foreach (var line in _text.Wrap(_document.Issuer.Name, IssuerName, issuerWidth))
        {
            _text.Draw(canvas, line, Left, y, IssuerName);
            y += IssuerName.LineHeight;
        }

        foreach (var line in _document.Issuer.Lines.SelectMany(l => _text.Wrap(l, Small, issuerWidth)))
        {
            _text.Draw(canvas, line, Left, y, Small);
            y += Small.LineHeight;
        }

        var right = Margin;
        foreach (var line in _text.Wrap(_document.Title, Title, ContentWidth * 0.4f))
        {
            _text.Draw(canvas, line, Right, right, Title, alignRight: true);
            right += Title.LineHeight;
        }

        _text.Draw(canvas, _document.Number, Right, right, Number, alignRight: true);

        var ruleY = Margin + FrameHeaderHeight() + 6f;
        using var accent = new SKPaint { Color = Accent, StrokeWidth = 1.2f, IsAntialias = true };
        canvas.DrawLine(Left, ruleY, Right, ruleY, accent);

        var footerY = PageHeight - Margin - 10f;
        using var rule = new SKPaint { Color = RuleColor, StrokeWidth = 0.6f, IsAntialias = true };
        canvas.DrawLine(Left, footerY, Right, footerY, rule);
        _text.Draw(canvas, $"{_document.Title} {_document.Number}", Left, footerY + 3f, Small);
        _text.Draw(canvas, string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}"), Right, footerY + 3f, Small, alignRight: true);
    }

    /// <summary>A translucent diagonal word (SUPERSEDED, DRAFT) over the content, so no page can pass for the current version.</summary>
    public void DrawWatermark(SKCanvas canvas)
    {
        if (string.IsNullOrWhiteSpace(_document.Watermark))
        {
            return;
        }

        var text = _document.Watermark.Trim();
        var diagonal = MathF.Sqrt((PageWidth * PageWidth) + (PageHeight * PageHeight));
        var probe = _text.Measure(text, new TextStyle(100f, true, Ink));
        var size = Math.Clamp(100f * diagonal * 0.6f / Math.Max(probe, 1f), 24f, 140f);
        var style = new TextStyle(size, true, new SKColor(0xB0, 0x30, 0x30, 0x2C));
        canvas.Save();
        canvas.Translate(PageWidth / 2, PageHeight / 2);
        canvas.RotateDegrees(-MathF.Atan2(PageHeight, PageWidth) * 180f / MathF.PI);
        var width = _text.Measure(text, style);
        _text.Draw(canvas, text, -width / 2, (size * 0.36f) - style.Baseline, style);
        canvas.Restore();
    }

    private float FrameHeaderHeight()
    {
        var issuerWidth = ContentWidth * 0.58f;
        var left = (_text.Wrap(_document.Issuer.Name, IssuerName, issuerWidth).Count * IssuerName.LineHeight)
            + (_document.Issuer.Lines.Sum(l => _text.Wrap(l, Small, issuerWidth).Count) * Small.LineHeight);
        var right = (_text.Wrap(_document.Title, Title, ContentWidth * 0.4f).Count * Title.LineHeight) + Number.LineHeight;
        return Math.Max(left, right);
    }

    private void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = _bodyTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits; true when it did.</summary>
    private bool EnsureSpace(float height)
    {
        if (_y + height <= _bodyBottom || _y <= _bodyTop)
        {
            return false;
        }

        NewPage();
        return true;
    }

    private void Add(Action<SKCanvas> draw) => _page.Add(draw);

    private void Line(string text, float x, float y, TextStyle style, bool alignRight = false) =>
        Add(canvas => _text.Draw(canvas, text, x, y, style, alignRight));

    private void Rule(float x1, float x2, float y, SKColor color, float width) =>
        Add(canvas =>
        {
            using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
            canvas.DrawLine(x1, y, x2, y, paint);
        });

    private void Fill(float x, float y, float width, float height, SKColor color) =>
        Add(canvas =>
        {
            using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            canvas.DrawRect(x, y, width, height, paint);
        });

    /// <summary>The customer on the left, the record's facts (date, validity, currency…) on the right.</summary>
    private void PartiesAndFacts()
    {
        var customerWidth = ContentWidth * 0.5f;
        var factsLeft = Left + (ContentWidth * 0.56f);
        var factsWidth = Right - factsLeft;
        var labelWidth = Math.Min(factsWidth * 0.45f, _document.Facts.Select(f => _text.Measure(f.Label, Label)).DefaultIfEmpty(0).Max() + 10f);

        var customer = new List<(string Text, TextStyle Style)> { ("CUSTOMER", Label) };
        customer.AddRange(_text.Wrap(_document.Customer.Name, BodyBold, customerWidth).Select(l => (l, BodyBold)));
        customer.AddRange(_document.Customer.Lines.SelectMany(l => _text.Wrap(l, Body, customerWidth)).Select(l => (l, Body)));
        var customerHeight = customer.Sum(c => c.Style.LineHeight);

        var facts = _document.Facts.Select(f =>
        {
            var style = f.Emphasis ? BodyBold : Body;
            var labels = _text.Wrap(f.Label, Label, labelWidth - 6f);
            var values = _text.Wrap(f.Value, style, factsWidth - labelWidth);
            return (Field: f, Style: style, Labels: labels, Values: values, Height: Math.Max(labels.Count * Label.LineHeight, values.Count * style.LineHeight) + 1.5f);
        }).ToList();
        EnsureSpace(Math.Max(customerHeight, facts.Sum(f => f.Height)));

        var top = _y;
        var y = top;
        foreach (var (text, style) in customer)
        {
            Line(text, Left, y, style);
            y += style.LineHeight;
        }

        var factsY = top;
        foreach (var fact in facts)
        {
            var lineY = factsY;
            foreach (var label in fact.Labels)
            {
                Line(label, factsLeft, lineY + (fact.Style.Size - Label.Size), Label);
                lineY += Label.LineHeight;
            }

            lineY = factsY;
            foreach (var value in fact.Values)
            {
                Line(value, factsLeft + labelWidth, lineY, fact.Style);
                lineY += fact.Style.LineHeight;
            }

            factsY += fact.Height;
        }

        _y = Math.Max(y, factsY) + 16f;
    }

    private void Table()
    {
        if (_document.Lines is not { } table || table.Columns.Count == 0)
        {
            return;
        }

        var rightAligned = Enumerable.Range(0, table.Columns.Count).Select(i => i < table.RightAligned.Count && table.RightAligned[i]).ToArray();
        var widths = ColumnWidths(table, rightAligned);
        var headers = table.Columns.Select((c, i) => _text.Wrap(c, ColumnHeader, widths[i] - (2 * CellPadX))).ToList();
        var headerHeight = (headers.Max(h => h.Count) * ColumnHeader.LineHeight) + (2 * CellPadY);

        void HeaderRow()
        {
            Fill(Left, _y, ContentWidth, headerHeight, HeaderFill);
            Rule(Left, Right, _y, Accent, 0.8f);
            Rule(Left, Right, _y + headerHeight, Accent, 0.8f);
            Cells(headers, ColumnHeader, _y);
            _y += headerHeight;
        }

        void Cells(IReadOnlyList<List<string>> cells, TextStyle style, float top)
        {
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var lineY = top + CellPadY;
                foreach (var line in cells[i])
                {
                    if (rightAligned[i])
                    {
                        Line(line, x + widths[i] - CellPadX, lineY, style, alignRight: true);
                    }
                    else
                    {
                        Line(line, x + CellPadX, lineY, style);
                    }

                    lineY += style.LineHeight;
                }

                x += widths[i];
            }
        }

        EnsureSpace(headerHeight + (Body.LineHeight * 2) + (2 * CellPadY));
        HeaderRow();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var cells = Enumerable.Range(0, table.Columns.Count)
                .Select(i => _text.Wrap(i < row.Count ? row[i] : "", Body, widths[i] - (2 * CellPadX)))
                .ToList();
            var height = (cells.Max(c => Math.Max(1, c.Count)) * Body.LineHeight) + (2 * CellPadY);
            if (EnsureSpace(height))
            {
                HeaderRow();
            }

            if (r % 2 == 1)
            {
                Fill(Left, _y, ContentWidth, height, StripeFill);
            }

            Cells(cells, Body, _y);
            _y += height;
            Rule(Left, Right, _y, RuleColor, 0.5f);
        }

        _y += 12f;
    }

    /// <summary>
    /// Numbers keep their natural width (they must not wrap); text columns get the rest, narrow ones first, so the
    /// description column takes what is left over.
    /// </summary>
    private float[] ColumnWidths(DocumentTable table, bool[] rightAligned)
    {
        var count = table.Columns.Count;
        var natural = new float[count];
        for (var i = 0; i < count; i++)
        {
            var header = _text.Measure(table.Columns[i], ColumnHeader);
            var cells = table.Rows.Select(r => i < r.Count ? r[i] : "").Select(c => c.Split('\n').Max(part => _text.Measure(part, Body))).DefaultIfEmpty(0).Max();
            natural[i] = Math.Max(header, cells) + (2 * CellPadX) + 1f;
        }

        var widths = new float[count];
        var numeric = Enumerable.Range(0, count).Where(i => rightAligned[i]).ToList();
        var text = Enumerable.Range(0, count).Where(i => !rightAligned[i]).OrderBy(i => natural[i]).ToList();
        var numericBudget = text.Count == 0 ? ContentWidth : ContentWidth * 0.6f;
        var numericTotal = numeric.Sum(i => natural[i]);
        var numericScale = numericTotal > numericBudget ? numericBudget / numericTotal : 1f;
        foreach (var i in numeric)
        {
            widths[i] = natural[i] * numericScale;
        }

        var remaining = ContentWidth - numeric.Sum(i => widths[i]);
        var left = text.Count;
        foreach (var i in text)
        {
            var share = remaining / left;
            widths[i] = left == 1 ? remaining : Math.Min(natural[i], share);
            remaining -= widths[i];
            left--;
        }

        if (text.Count == 0 && remaining > 0)
        {
            foreach (var i in numeric)
            {
                widths[i] += remaining / numeric.Count;
            }
        }

        return widths;
    }

    /// <summary>Right-aligned under the table; the emphasised figure (the total due) bold, with a rule above.</summary>
    private void Totals()
    {
        if (_document.Totals.Count == 0)
        {
            return;
        }

        var rows = _document.Totals.Select(t => (Field: t, Style: t.Emphasis ? Emphasis : Body)).ToList();
        var widest = rows.Max(r => _text.Measure(r.Field.Label, r.Style) + _text.Measure(r.Field.Value, r.Style)) + 30f;
        var width = Math.Min(ContentWidth, Math.Max(ContentWidth * 0.42f, widest));
        var blockLeft = Right - width;
        EnsureSpace(rows.Sum(r => r.Style.LineHeight + 6f));
        foreach (var (field, style) in rows)
        {
            if (field.Emphasis)
            {
                Rule(blockLeft, Right, _y, Ink, 0.8f);
                _y += 3f;
            }

            Line(field.Label, blockLeft + CellPadX, _y, style);
            Line(field.Value, Right - CellPadX, _y, style, alignRight: true);
            _y += style.LineHeight + 1.5f;
        }

        _y += 14f;
    }

    private void Section(string heading, string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .SelectMany(paragraph => paragraph.Trim().Length == 0 ? new List<string> { "" } : _text.Wrap(paragraph, Body, ContentWidth))
            .ToList();

        // A heading is never left alone at the foot of a page.
        EnsureSpace(Heading.LineHeight + 4f + (Math.Min(2, lines.Count) * Body.LineHeight));
        Line(heading, Left, _y, Heading);
        _y += Heading.LineHeight + 3f;
        foreach (var line in lines)
        {
            EnsureSpace(Body.LineHeight);
            if (line.Length > 0)
            {
                Line(line, Left, _y, Body);
            }

            _y += line.Length > 0 ? Body.LineHeight : Body.LineHeight * 0.5f;
        }

        _y += 10f;
    }

    private void Signatures()
    {
        List<string> lines = _document.Signatures.Count == 0
            ? ["Not signed"]
            : _document.Signatures.SelectMany(s => _text.Wrap(RecordPdf.SignatureLine(s), SignatureText, ContentWidth)).ToList();
        EnsureSpace(Heading.LineHeight + 6f + (Math.Min(2, lines.Count) * SignatureText.LineHeight));
        Rule(Left, Right, _y, RuleColor, 0.6f);
        _y += 6f;
        Line("Signatures", Left, _y, Heading);
        _y += Heading.LineHeight + 3f;
        foreach (var line in lines)
        {
            EnsureSpace(SignatureText.LineHeight);
            Line(line, Left, _y, SignatureText);
            _y += SignatureText.LineHeight;
        }
    }
}

/// <summary>A size, weight and colour; <see cref="LineHeight"/> is the distance between lines of it.</summary>
internal sealed record TextStyle(float Size, bool Bold, SKColor Color)
{
    public float LineHeight => Size * 1.38f;

    /// <summary>From the top of a line to its baseline (DejaVu's ascent is 0.93 em, plus half the leading).</summary>
    public float Baseline => Size * 1.12f;
}

/// <summary>
/// Measures, wraps and draws text in DejaVu Sans. A character DejaVu lacks (Chinese, for one) is drawn in the
/// first installed font that has it, found with <see cref="SKFontManager.MatchCharacter(string, SKFontStyle, string[], int)"/>;
/// when no font has it, DejaVu draws its "missing" box rather than failing the document.
/// </summary>
internal sealed class PdfText : IDisposable
{
    private const string Family = "DejaVu Sans";

    // Typefaces are shared by every document (fonts are process-wide); fonts (a typeface at a size) are per document.
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Match(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Match(SKFontStyle.Bold));
    private static readonly Lock FallbackLock = new();
    private static readonly Dictionary<(int CodePoint, bool Bold), SKTypeface?> Fallbacks = [];
    private static readonly List<(bool Bold, SKTypeface Face)> KnownFallbacks = [];

    private readonly Dictionary<(SKTypeface Face, float Size), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _paints = [];

    public float Measure(string text, TextStyle style)
    {
        var width = 0f;
        foreach (var (run, face) in Runs(text, style.Bold))
        {
            width += Font(face, style.Size).MeasureText(run);
        }

        return width;
    }

    /// <summary>Draws one line with its top at <paramref name="top"/>, from <paramref name="x"/> or ending there when right-aligned.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float top, TextStyle style, bool alignRight = false)
    {
        if (alignRight)
        {
            x -= Measure(text, style);
        }

        if (!_paints.TryGetValue(style.Color, out var paint))
        {
            paint = new SKPaint { Color = style.Color, IsAntialias = true };
            _paints[style.Color] = paint;
        }

        var baseline = top + style.Baseline;
        foreach (var (run, face) in Runs(text, style.Bold))
        {
            var font = Font(face, style.Size);
            canvas.DrawText(run, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run);
        }
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at spaces, and inside a word only when it is wider than a line.</summary>
    public List<string> Wrap(string? text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, style) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(line, style) > width)
                {
                    var fits = FittingLength(line, style, width);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in _paints.Values)
        {
            paint.Dispose();
        }
    }

    private static string Clean(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');

    /// <summary>How many characters of <paramref name="word"/> fit in the width (at least one, never half a surrogate pair).</summary>
    private int FittingLength(string word, TextStyle style, float width)
    {
        var fits = 0;
        var index = 0;
        foreach (var rune in word.EnumerateRunes())
        {
            var next = index + rune.Utf16SequenceLength;
            if (Measure(word[..next], style) > width)
            {
                break;
            }

            fits = next;
            index = next;
        }

        return fits == 0 ? word.EnumerateRunes().First().Utf16SequenceLength : fits;
    }

    private SKFont Font(SKTypeface face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(face, size) { Subpixel = true, LinearMetrics = true };
            _fonts[(face, size)] = font;
        }

        return font;
    }

    /// <summary>
    /// Splits text into runs that one typeface can draw. Built rune by rune, so a broken surrogate becomes U+FFFD
    /// instead of making Skia drop the whole run.
    /// </summary>
    private static List<(string Text, SKTypeface Face)> Runs(string text, bool bold)
    {
        var primary = bold ? BoldFace.Value : RegularFace.Value;
        var runs = new List<(string, SKTypeface)>();
        var run = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = rune.Value < 0x80 || Rune.IsWhiteSpace(rune) || primary.ContainsGlyph(rune.Value) ? primary : Fallback(rune.Value, bold) ?? primary;
            if (current is not null && face != current)
            {
                runs.Add((run.ToString(), current));
                run.Clear();
            }

            current = face;
            run.Append(rune.ToString());
        }

        if (current is not null)
        {
            runs.Add((run.ToString(), current));
        }

        return runs;
    }

    private static SKTypeface? Fallback(int codePoint, bool bold)
    {
        lock (FallbackLock)
        {
            if (Fallbacks.TryGetValue((codePoint, bold), out var known))
            {
                return known;
            }

            var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
            var face = KnownFallbacks.Where(f => f.Bold == bold && f.Face.ContainsGlyph(codePoint)).Select(f => f.Face).FirstOrDefault();
            if (face is null)
            {
                face = SKFontManager.Default.MatchCharacter(Family, style, null, codePoint) ?? SearchFamilies(style, codePoint);
                if (face is not null)
                {
                    KnownFallbacks.Add((bold, face));
                }
            }

            Fallbacks[(codePoint, bold)] = face;
            return face;
        }
    }

    /// <summary>
    /// The fallback when the font manager can't match by character (SkiaSharp's self-contained Linux build scans
    /// /usr/share/fonts but doesn't implement the match): the first installed family that has the character, plain
    /// sans-serif families before serif and monospaced ones, simplified Chinese before the other CJK variants.
    /// </summary>
    private static SKTypeface? SearchFamilies(SKFontStyle style, int codePoint)
    {
        static int Preference(string family) =>
            (family.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? 4 : 0)
            + (family.Contains("Serif", StringComparison.OrdinalIgnoreCase) ? 2 : 0)
            + (family.Contains(" SC", StringComparison.Ordinal) ? 0 : 1);

        foreach (var family in SKFontManager.Default.FontFamilies.OrderBy(Preference).ThenBy(f => f, StringComparer.Ordinal))
        {
            var face = SKFontManager.Default.MatchFamily(family, style);
            if (face is not null && face.ContainsGlyph(codePoint))
            {
                return face;
            }

            face?.Dispose();
        }

        return null;
    }

    private static SKTypeface Match(SKFontStyle style) =>
        SKFontManager.Default.MatchFamily(Family, style) ?? SKFontManager.Default.MatchFamily(null, style) ?? SKTypeface.Default;
}
