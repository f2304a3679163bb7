using Microsoft.AspNetCore.Identity;

namespace Sanus.Web.Platform.Auth;

public sealed class SanusUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for a channel partner's user: the distributor company whose records they may see (ACC-3).</summary>
    public Guid? PartnerCompanyId { get; set; }

    /// <summary>A deactivated user cannot sign in or use tokens; users are never deleted (REC-2).</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
