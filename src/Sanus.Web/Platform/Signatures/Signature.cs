namespace Sanus.Web.Platform.Signatures;

/// <summary>
/// An electronic signature (REC-3): who signed which version of which record, when (UTC), with what
/// meaning, bound to the SHA-256 hash of that version's content. Signatures are only ever added.
/// </summary>
public sealed class Signature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The kind of record signed, e.g. "Quotation"; together with <see cref="RecordId"/> names the record.</summary>
    public string RecordKind { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>The record's own version number (a quotation's revision), not the concurrency counter.</summary>
    public int RecordRevision { get; set; }

    /// <summary>SHA-256 (hex) of the canonical JSON of the signed content.</summary>
    public string ContentHash { get; set; } = "";

    public string Meaning { get; set; } = "";

    public string SignerId { get; set; } = "";

    /// <summary>The printed name, as it appears on the record's document.</summary>
    public string SignerName { get; set; } = "";

    public string SignerEmail { get; set; } = "";

    public DateTime SignedAt { get; set; }

    public bool Matches(object content) => ContentHash == SignedContent.Hash(content);
}

public static class SignatureMeanings
{
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Signer = "signer";

    public static readonly IReadOnlyList<string> All = [Author, Reviewer, Approver, Signer];
}

/// <summary>What the signer types: their own password, the authenticator code when enrolled, and the meaning.</summary>
public sealed record SignatureInput(string? Password, string? Code, string? Meaning);

/// <summary>A signature as lists, pages and documents show it.</summary>
public sealed record SignatureView(Guid Id, string SignerName, string SignerEmail, string Meaning, DateTime SignedAt, int RecordRevision, string ContentHash)
{
    public static SignatureView Of(Signature s) => new(s.Id, s.SignerName, s.SignerEmail, s.Meaning, s.SignedAt, s.RecordRevision, s.ContentHash);
}
