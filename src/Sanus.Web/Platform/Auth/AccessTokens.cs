using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Auth;

/// <summary>Personal access tokens (ACC-4): create, list, revoke, and find the token behind a secret.</summary>
public static class AccessTokens
{
    private const string SecretPrefix = "sanus_";

    public sealed record Created(Guid Id, string Name, string Token, DateTime ExpiresAt);

    public sealed record Summary(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public static async Task<Created> CreateAsync(SanusDb db, TimeProvider clock, string userId, string? name, int lifetimeDays)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw ProblemException.Invalid("name", "Give the token a name that says where it is used, e.g. \"ERP sync\".");
        }

        if (name.Length > 100)
        {
            throw ProblemException.Invalid("name", "Use at most 100 characters.");
        }

        if (lifetimeDays is < 1 or > 366)
        {
            throw ProblemException.Invalid("lifetimeDays", "Choose a lifetime from 1 to 366 days.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new AccessToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        return new Created(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public static Task<List<Summary>> ListAsync(SanusDb db, string userId) =>
        db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new Summary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();

    public static async Task RevokeAsync(SanusDb db, TimeProvider clock, string userId, Guid tokenId)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId)
            ?? throw ProblemException.NotFound("access token");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The live token for a presented secret, with its user; null when unknown, revoked or expired.</summary>
    public static Task<AccessToken?> FindLiveAsync(SanusDb db, string secret, DateTime now)
    {
        var hash = HashOf(secret);
        return db.AccessTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now);
    }

    // Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
