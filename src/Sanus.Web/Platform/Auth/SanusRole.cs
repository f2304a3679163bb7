using Microsoft.AspNetCore.Identity;

namespace Sanus.Web.Platform.Auth;

/// <summary>A job role of the quality system (ACC-1), e.g. JD-002 Sales Manager. Editable data.</summary>
public sealed class SanusRole : IdentityRole
{
    /// <summary>The job-description code, e.g. "JD-002"; empty for roles without one (Administrator).</summary>
    public string Code { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Roles for people outside the company, such as the Channel Partner role.</summary>
    public bool IsExternal { get; set; }

    public List<RoleCapability> Capabilities { get; set; } = [];
}
