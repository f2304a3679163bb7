namespace Sanus.Web.Platform.Documents;

/// <summary>
/// What a record's printed document shows (Q-4, CON-1, REC-3): our company header, the title and number, the
/// customer, a table of lines, the totals, text sections (terms, clauses, reference regulation, validity) and the
/// electronic signatures. Quotations and contracts fill it in; RecordPdf (Platform/Documents) draws it.
/// </summary>
public sealed record RecordDocument(
    DocumentHeader Issuer,
    string Title,
    string Number,
    IReadOnlyList<DocumentField> Facts,
    DocumentParty Customer,
    DocumentTable? Lines,
    IReadOnlyList<DocumentField> Totals,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<DocumentSignature> Signatures,
    string? Watermark = null);

/// <summary>Our company as printed at the top of every page: name, address lines, registration and contact.</summary>
public sealed record DocumentHeader(string Name, IReadOnlyList<string> Lines);

public sealed record DocumentParty(string Name, IReadOnlyList<string> Lines);

/// <summary>A label and its value, e.g. "Valid until" / "2027-01-31", or "Total" / "EUR 12,345.67".</summary>
public sealed record DocumentField(string Label, string Value, bool Emphasis = false);

/// <summary>A table; <see cref="RightAligned"/> marks the numeric columns.</summary>
public sealed record DocumentTable(IReadOnlyList<string> Columns, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record DocumentSection(string Heading, string Text);

/// <summary>A signature as printed: name, meaning, UTC time and the hash of the signed version.</summary>
public sealed record DocumentSignature(string SignerName, string Meaning, DateTime SignedAtUtc, string ContentHash);
