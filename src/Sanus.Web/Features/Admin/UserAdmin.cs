using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Admin;

/// <summary>
/// What an administrator does with user accounts (ACC-1, ACC-4): list, create, change roles, deactivate,
/// reactivate, unlock and reset a password. Users are never deleted (REC-2).
/// </summary>
public static class UserAdmin
{
    public sealed record UserRow(
        string Id,
        string Email,
        string DisplayName,
        IReadOnlyList<string> Roles,
        bool IsActive,
        bool IsLockedOut,
        DateTime? LockoutEnd,
        int FailedSignIns,
        bool TwoFactorEnabled,
        Guid? PartnerCompanyId,
        DateTime CreatedAt);

    public sealed record UserPage(IReadOnlyList<UserRow> Items, string? NextCursor);

    /// <summary>The create-user form and request body; mutable so the page keeps what was typed after a refusal.</summary>
    public sealed class NewUser
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public List<string>? Roles { get; set; }

        public Guid? PartnerCompanyId { get; set; }

        public string? Password { get; set; }
    }

    /// <summary>
    /// Blazor circuits keep scoped services for the whole session, so pages build a UserManager over a
    /// short-lived SanusDb rather than the circuit-wide one; that db still audits as the circuit's user.
    /// </summary>
    public static UserManager<SanusUser> ManagerFor(SanusDb db, IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<UserManager<SanusUser>>(services, new UserStore<SanusUser, SanusRole, SanusDb, string>(db));

    public static async Task<UserPage> ListAsync(SanusDb db, TimeProvider clock, string? search, int limit, int offset)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Wildcards are dropped rather than escaped: nobody searches for a literal % in a name.
            var pattern = "%" + search.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
            query = query.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern));
        }

        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip(offset).Take(limit + 1).ToListAsync();
        var rows = await RowsAsync(db, clock, users.Take(limit).ToList());
        return new UserPage(rows, users.Count > limit ? (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    public static async Task<UserRow> GetAsync(SanusDb db, TimeProvider clock, string id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id) ?? throw ProblemException.NotFound("user");
        return (await RowsAsync(db, clock, [user]))[0];
    }

    /// <summary>Creates the user with roles and an initial password in one transaction; every refusal names its field.</summary>
    public static async Task<UserRow> CreateAsync(SanusDb db, UserManager<SanusUser> users, TimeProvider clock, NewUser input)
    {
        var errors = new Dictionary<string, string[]>();
        var email = input.Email?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors["email"] = ["Enter the email the person signs in with."];
        }
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            errors["email"] = ["Enter a valid email address, e.g. name@example.com."];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = ["A user with this email already exists."];
        }

        if (displayName.Length == 0)
        {
            errors["displayName"] = ["Enter the person's name as colleagues should see it."];
        }
        else if (displayName.Length > 200)
        {
            errors["displayName"] = ["Use at most 200 characters."];
        }

        var roles = await RoleChecks.ResolveAsync(db, input.Roles, input.PartnerCompanyId, errors);
        if (string.IsNullOrEmpty(input.Password))
        {
            errors["password"] = ["Enter an initial password; the person can change it after signing in."];
        }
        else
        {
            var probe = new SanusUser { UserName = email, Email = email };
            var refusals = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, probe, input.Password);
                refusals.AddRange(result.Errors.Select(e => e.Description));
            }

            if (refusals.Count > 0)
            {
                errors["password"] = [.. refusals];
            }
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new SanusUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            PartnerCompanyId = input.PartnerCompanyId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            throw ProblemException.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        db.UserRoles.AddRange(roles.Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = r.Id }));
        db.AuditEntries.Add(RolesEntry(user.Id, [], roles));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return await GetAsync(db, clock, user.Id);
    }

    public static async Task<UserRow> SetRolesAsync(SanusDb db, TimeProvider clock, string id, IReadOnlyList<string>? roleNames)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id) ?? throw ProblemException.NotFound("user");
        var errors = new Dictionary<string, string[]>();
        var roles = await RoleChecks.ResolveAsync(db, roleNames, user.PartnerCompanyId, errors);
        if (errors.TryGetValue("partnerCompanyId", out var partnerError))
        {
            // The partner company is fixed once the user exists, so the refusal is about the roles chosen.
            errors.Remove("partnerCompanyId");
            errors["roles"] = [.. errors.GetValueOrDefault("roles", []), .. partnerError];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var current = await db.UserRoles.Where(ur => ur.UserId == id).ToListAsync();
        var currentIds = current.Select(c => c.RoleId).ToList();
        var currentRoles = await db.Roles.AsNoTracking().Where(r => currentIds.Contains(r.Id)).ToListAsync();
        var wanted = roles.Select(r => r.Id).ToList();
        var keepsUsersManage = user.IsActive && await db.RoleCapabilities.AnyAsync(rc =>
            rc.Capability == Capabilities.UsersManage && wanted.Contains(rc.RoleId));
        if (!keepsUsersManage)
        {
            await AdminGuard.EnsureSomeoneManagesUsersAsync(db, exceptUserId: id, exceptRoleId: null);
        }

        db.UserRoles.RemoveRange(current.Where(c => !wanted.Contains(c.RoleId)));
        db.UserRoles.AddRange(wanted.Except(currentIds).Select(roleId => new IdentityUserRole<string> { UserId = id, RoleId = roleId }));
        if (db.ChangeTracker.HasChanges())
        {
            db.AuditEntries.Add(RolesEntry(id, currentRoles, roles));
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, clock, id);
    }

    public static async Task<UserRow> DeactivateAsync(SanusDb db, TimeProvider clock, string id)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id) ?? throw ProblemException.NotFound("user");
        if (user.Id == db.CurrentUser.Id)
        {
            throw ProblemException.Refused("You can't deactivate yourself", ["Ask another administrator to deactivate your account."]);
        }

        if (user.IsActive)
        {
            await AdminGuard.EnsureSomeoneManagesUsersAsync(db, exceptUserId: id, exceptRoleId: null);
            user.IsActive = false;
            // A new security stamp ends the person's open web sessions at their next revalidation.
            Touch(user, newSecurityStamp: true);
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, clock, id);
    }

    public static async Task<UserRow> ReactivateAsync(SanusDb db, TimeProvider clock, string id)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id) ?? throw ProblemException.NotFound("user");
        if (!user.IsActive)
        {
            user.IsActive = true;
            Touch(user, newSecurityStamp: false);
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, clock, id);
    }

    public static async Task<UserRow> UnlockAsync(SanusDb db, TimeProvider clock, string id)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id) ?? throw ProblemException.NotFound("user");
        if (user.LockoutEnd is not null || user.AccessFailedCount != 0)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Touch(user, newSecurityStamp: false);
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, clock, id);
    }

    public static async Task ResetPasswordAsync(UserManager<SanusUser> users, string id, string? password)
    {
        var user = await users.FindByIdAsync(id) ?? throw ProblemException.NotFound("user");
        if (string.IsNullOrEmpty(password))
        {
            throw ProblemException.Invalid("password", "Enter the new password.");
        }

        // The reset token path validates the password, hashes it and renews the security stamp in one save.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw ProblemException.Invalid("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static void Touch(SanusUser user, bool newSecurityStamp)
    {
        // Identity treats ConcurrencyStamp as the optimistic-concurrency token of a user row.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (newSecurityStamp)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        }
    }

    // Role links are rows of their own; this entry puts the change on the user's History tab too.
    private static AuditEntry RolesEntry(string userId, IEnumerable<SanusRole> before, IEnumerable<SanusRole> after) => new()
    {
        Action = AuditActions.Update,
        Entity = nameof(SanusUser),
        EntityId = userId,
        Field = "Roles",
        OldValue = string.Join(", ", before.Select(r => r.Name).Order(StringComparer.Ordinal)),
        NewValue = string.Join(", ", after.Select(r => r.Name).Order(StringComparer.Ordinal)),
    };

    private static async Task<List<UserRow>> RowsAsync(SanusDb db, TimeProvider clock, List<SanusUser> users)
    {
        var ids = users.Select(u => u.Id).ToList();
        var links = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            links.Where(l => l.UserId == u.Id).Select(l => l.Name ?? "").Order(StringComparer.Ordinal).ToList(),
            u.IsActive,
            u.LockoutEnd is { } end && end > now,
            u.LockoutEnd?.UtcDateTime,
            u.AccessFailedCount,
            u.TwoFactorEnabled,
            u.PartnerCompanyId,
            u.CreatedAt)).ToList();
    }
}
