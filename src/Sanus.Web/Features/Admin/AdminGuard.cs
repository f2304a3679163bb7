using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Admin;

/// <summary>Keeps at least one active user able to manage users, so administrators can't lock everyone out (ACC-2).</summary>
internal static class AdminGuard
{
    /// <summary>
    /// Refuses unless an active user other than <paramref name="exceptUserId"/> holds users.manage through a role
    /// other than <paramref name="exceptRoleId"/>: the change about to be made removes those two.
    /// </summary>
    public static async Task EnsureSomeoneManagesUsersAsync(SanusDb db, string? exceptUserId, string? exceptRoleId)
    {
        var roles = db.RoleCapabilities.Where(rc => rc.Capability == Capabilities.UsersManage && rc.RoleId != exceptRoleId).Select(rc => rc.RoleId);
        var someone = await db.UserRoles.Where(ur => ur.UserId != exceptUserId && roles.Contains(ur.RoleId))
            .Join(db.Users.Where(u => u.IsActive), ur => ur.UserId, u => u.Id, (ur, u) => u.Id)
            .AnyAsync();
        if (!someone)
        {
            throw ProblemException.Refused(
                "This would leave nobody able to manage users",
                [$"No other active user would hold {Capabilities.UsersManage}. Give it to another active user first, then try again."]);
        }
    }
}
