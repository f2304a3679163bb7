namespace Sanus.Web.Platform.Auth;

/// <summary>A capability granted to a role (ACC-2). Grants are data; the capability names are code.</summary>
public sealed class RoleCapability
{
    public string RoleId { get; set; } = "";

    public string Capability { get; set; } = "";
}
