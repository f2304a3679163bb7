using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Auth;

public sealed record CapabilityRequirement(string Capability) : IAuthorizationRequirement;

/// <summary>
/// Grants a capability when one of the user's roles holds it. Grants are read from the database once per
/// scope (an HTTP request or a Blazor circuit), so a change made by an administrator applies to the next one.
/// A page checks several policies while it renders, concurrently, so the read uses a context of its own.
/// </summary>
public sealed class CapabilityHandler(IDbContextFactory<SanusDb> dbFactory) : AuthorizationHandler<CapabilityRequirement>
{
    private Task<HashSet<string>>? _granted;
    private string? _grantedFor;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        if (_granted is null || _grantedFor != userId)
        {
            _grantedFor = userId;
            _granted = LoadAsync(userId);
        }

        if ((await _granted).Contains(requirement.Capability))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<HashSet<string>> LoadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await GrantedAsync(db, userId);
    }

    public static async Task<HashSet<string>> GrantedAsync(SanusDb db, string userId) =>
        (await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.RoleCapabilities, ur => ur.RoleId, rc => rc.RoleId, (ur, rc) => rc.Capability)
            .Distinct()
            .ToListAsync()).ToHashSet();
}

public static class CapabilityPolicies
{
    public static void AddCapabilityPolicies(this AuthorizationOptions options)
    {
        foreach (var capability in Capabilities.All.Keys)
        {
            options.AddPolicy(capability, policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability)));
        }
    }

    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, string capability)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(capability);
}
