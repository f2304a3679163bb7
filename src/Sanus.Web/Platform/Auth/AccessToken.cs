namespace Sanus.Web.Platform.Auth;

/// <summary>
/// A personal access token for the API (ACC-4). Only a SHA-256 hash of the secret is stored; the secret is
/// shown once, when it is created.
/// </summary>
public sealed class AccessToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = "";

    public SanusUser? User { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, so a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
