using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;

namespace Sanus.Web.Platform.Auth;

/// <summary>Authenticates API calls that carry <c>Authorization: Bearer &lt;personal access token&gt;</c>.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SanusDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var token = secret.Length is > 0 and < 200 ? await AccessTokens.FindLiveAsync(db, secret, now) : null;
        var user = token?.User;
        var locked = user?.LockoutEnd is { } end && end > TimeProvider.GetUtcNow();
        if (token is null || user is null || !user.IsActive || locked)
        {
            await RecordRejectionAsync(token, secret);
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired, or its user may not sign in.");
        }

        // One write per minute at most: the last-used time is for people, not for the audit trail. A single conditional
        // UPDATE outside the change tracker, so the many requests of one busy token racing past the minute don't queue
        // on the audit chain or fail each other.
        var stale = now - TimeSpan.FromMinutes(1);
        if (token.LastUsedAt is null || token.LastUsedAt < stale)
        {
            await db.AccessTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id),
            ],
            SchemeName);
        SanusClaimsFactory.AddSanusClaims(identity, user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task RecordRejectionAsync(AccessToken? token, string secret)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditActions.TokenRejected,
            Entity = "AccessToken",
            EntityId = token?.Id.ToString() ?? "unknown",
            UserId = token?.UserId,
            UserName = token?.User?.Email ?? "anonymous",
            Reason = $"{Request.Method} {Request.Path} with token {(secret.Length > 12 ? secret[..12] : secret)}…",
        });
        await db.SaveChangesAsync();
    }
}
