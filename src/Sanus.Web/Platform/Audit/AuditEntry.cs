namespace Sanus.Web.Platform.Audit;

/// <summary>
/// One line of the audit trail (REC-1): who did what to which field of which record, and when. Entries are
/// only ever inserted; each carries the hash of the one before it so that a changed or missing entry is
/// detected by <see cref="AuditChain.VerifyAsync"/>.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain: 1, 2, 3… with no gaps.</summary>
    public long Seq { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string Entity { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Archive = "archive";
    public const string Restore = "restore";
    public const string Delete = "delete";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string TokenRejected = "token-rejected";
    public const string Export = "export";
}
