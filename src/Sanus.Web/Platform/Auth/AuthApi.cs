using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Auth;

public static class AuthApi
{
    public const string SignInRateLimit = "sign-in";

    public sealed record TokenRequest(string? Email, string? Password, string? TotpCode, string? Name, int? LifetimeDays);

    public sealed record TokenResponse(string Token, DateTime ExpiresAt);

    public sealed record NewTokenRequest(string? Name, int? LifetimeDays);

    public sealed record CallerProfile(string Id, string Email, string DisplayName, Guid? PartnerCompanyId, IReadOnlyList<string> Roles, IReadOnlyList<string> Capabilities);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(SignInRateLimit)
            .WithSummary("Exchange email, password and (when enrolled) a TOTP code for a personal access token.");
        auth.MapGet("/tokens", ListTokens).WithSummary("The caller's personal access tokens (never their secrets).");
        auth.MapPost("/tokens", CreateToken).WithSummary("Create a personal access token; the secret is returned once.");
        auth.MapDelete("/tokens/{id:guid}", RevokeToken).WithSummary("Revoke one of the caller's tokens.");
        api.MapGet("/me", GetMe).WithTags("Auth").WithSummary("Who the caller is, with roles and capabilities.");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, UserManager<SanusUser> users, SanusSignInManager signIn, SanusDb db, TimeProvider clock, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors["email"] = ["Enter the email you sign in with."];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["Enter your password."];
            }

            throw ProblemException.Invalid(errors);
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            await signIn.RecordAsync(AuditActions.SignInFailed, null, request.Email, "API token: unknown email");
            return Unauthorized();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return TypedResults.Problem(title: "Account locked", detail: "Too many failed attempts. Try again in 15 minutes or ask an administrator to unlock the account.", statusCode: StatusCodes.Status423Locked);
        }

        if (!check.Succeeded)
        {
            return Unauthorized();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = request.TotpCode?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(code))
            {
                throw ProblemException.Invalid("totpCode", "This account uses two-factor sign-in: send the 6-digit code from your authenticator app as totpCode.");
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await signIn.RecordAsync(AuditActions.SignInFailed, user.Id, user.Email ?? "", "API token: wrong authenticator code");
                return Unauthorized();
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        var lifetime = request.LifetimeDays ?? configuration.GetValue("Sanus:TokenLifetimeDays", 90);
        var created = await AccessTokens.CreateAsync(db, clock, user.Id, request.Name ?? "API sign-in", lifetime);
        await signIn.RecordAsync(AuditActions.SignIn, user.Id, user.Email ?? "", $"API token {created.Id}");
        return TypedResults.Ok(new TokenResponse(created.Token, created.ExpiresAt));
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "Sign-in failed", detail: "The email, password or code is not right.", statusCode: StatusCodes.Status401Unauthorized);

    private static Task<List<AccessTokens.Summary>> ListTokens(ClaimsPrincipal user, SanusDb db) =>
        AccessTokens.ListAsync(db, UserId(user));

    private static async Task<Created<AccessTokens.Created>> CreateToken(NewTokenRequest request, ClaimsPrincipal user, SanusDb db, TimeProvider clock, IConfiguration configuration)
    {
        var created = await AccessTokens.CreateAsync(db, clock, UserId(user), request.Name, request.LifetimeDays ?? configuration.GetValue("Sanus:TokenLifetimeDays", 90));
        return TypedResults.Created($"/api/v1/auth/tokens/{created.Id}", created);
    }

    private static async Task<NoContent> RevokeToken(Guid id, ClaimsPrincipal user, SanusDb db, TimeProvider clock)
    {
        await AccessTokens.RevokeAsync(db, clock, UserId(user), id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CallerProfile>> GetMe(ClaimsPrincipal principal, UserManager<SanusUser> users, SanusDb db)
    {
        var user = await users.GetUserAsync(principal) ?? throw ProblemException.NotFound("user");
        var roles = await users.GetRolesAsync(user);
        var capabilities = await CapabilityHandler.GrantedAsync(db, user.Id);
        return TypedResults.Ok(new CallerProfile(user.Id, user.Email ?? "", user.DisplayName, user.PartnerCompanyId, [.. roles.Order()], [.. capabilities.Order()]));
    }

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
