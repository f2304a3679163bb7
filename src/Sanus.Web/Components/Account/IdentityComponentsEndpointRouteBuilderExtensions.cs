using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sanus.Web.Platform.Auth;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the static Account pages post to.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<SanusUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });

        // Keeps the sliding session cookie alive while the person is active in the interactive app,
        // whose traffic runs over the circuit and never touches the cookie.
        accountGroup.MapPost("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();

        return accountGroup;
    }
}
