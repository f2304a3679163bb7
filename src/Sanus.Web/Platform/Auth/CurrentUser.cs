using System.Security.Claims;

namespace Sanus.Web.Platform.Auth;

/// <summary>
/// Who is acting in this scope: the signed-in user of an HTTP request or of a Blazor circuit, or the
/// system (start-up, background jobs). The audit trail and the partner filter read it.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor)
{
    public const string PartnerClaim = "sanus:partner";
    public const string DisplayNameClaim = "sanus:name";

    private ClaimsPrincipal? _circuitPrincipal;

    public ClaimsPrincipal Principal => _circuitPrincipal ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? Id => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The name written into audit entries: the user's display name and email, or "system".</summary>
    public string Name => IsAuthenticated
        ? $"{Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name} <{Principal.Identity?.Name}>"
        : "system";

    public Guid? PartnerCompanyId =>
        Guid.TryParse(Principal.FindFirstValue(PartnerClaim), out var id) ? id : null;

    /// <summary>Blazor circuits have no HttpContext; the circuit handler hands over the principal.</summary>
    public void UseCircuitPrincipal(ClaimsPrincipal principal) => _circuitPrincipal = principal;
}
