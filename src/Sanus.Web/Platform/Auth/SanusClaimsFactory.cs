using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sanus.Web.Platform.Auth;

/// <summary>Adds the display name and, for a channel partner, the partner company to the signed-in principal.</summary>
public sealed class SanusClaimsFactory(UserManager<SanusUser> userManager, RoleManager<SanusRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SanusUser, SanusRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SanusUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddSanusClaims(identity, user);
        return identity;
    }

    public static void AddSanusClaims(ClaimsIdentity identity, SanusUser user)
    {
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.PartnerCompanyId is { } partner)
        {
            identity.AddClaim(new Claim(CurrentUser.PartnerClaim, partner.ToString()));
        }
    }
}
