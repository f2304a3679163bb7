using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;

namespace Sanus.Web.Platform.Auth;

/// <summary>
/// Identity's sign-in manager with the audit trail attached (ACC-4, REC-1): every successful and failed
/// sign-in, by password, authenticator code or recovery code, writes an audit entry. Deactivated users
/// can't sign in.
/// </summary>
public sealed class SanusSignInManager(
    UserManager<SanusUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SanusUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SanusUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SanusUser> confirmation,
    SanusDb db)
    : SignInManager<SanusUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SanusUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByEmailAsync(userName) ?? await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await RecordAsync(AuditActions.SignInFailed, null, userName, "unknown email");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(SanusUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await RecordAsync(AuditActions.SignInFailed, user.Id, user.Email ?? user.UserName ?? "", Describe(result, "wrong password"));
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (!result.Succeeded && user is not null)
        {
            await RecordAsync(AuditActions.SignInFailed, user.Id, user.Email ?? "", Describe(result, "wrong authenticator code"));
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!result.Succeeded && user is not null)
        {
            await RecordAsync(AuditActions.SignInFailed, user.Id, user.Email ?? "", Describe(result, "wrong recovery code"));
        }

        return result;
    }

    public override async Task SignInWithClaimsAsync(SanusUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await RecordAsync(AuditActions.SignIn, user.Id, user.Email ?? "", "web sign-in");
    }

    /// <summary>Writes a sign-in entry; the actor of a sign-in attempt is the account it names.</summary>
    public async Task RecordAsync(string action, string? userId, string userName, string reason)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Action = action,
            Entity = "SignIn",
            EntityId = userId ?? userName,
            UserId = userId,
            UserName = userName.Length == 0 ? "anonymous" : userName,
            Reason = reason,
        });
        await db.SaveChangesAsync();
    }

    private static string Describe(SignInResult result, string otherwise) =>
        result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed (deactivated)" : otherwise;
}
