using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Admin;

/// <summary>The job-role catalogue (ACC-1) and the capabilities granted to each role (ACC-2), edited as data.</summary>
public static class RoleAdmin
{
    public sealed record RoleRow(string Id, string Code, string Name, string Description, bool IsExternal, IReadOnlyList<string> Capabilities, int UserCount);

    /// <summary>The role form and request body; <see cref="IsExternal"/> is only read when a role is created.</summary>
    public sealed class RoleInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool IsExternal { get; set; }
    }

    public static async Task<List<RoleRow>> ListAsync(SanusDb db)
    {
        var roles = await db.Roles.AsNoTracking().Include(r => r.Capabilities).OrderBy(r => r.Name).ToListAsync();
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { RoleId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoleId, g => g.Count);
        return roles.Select(r => Row(r, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public static async Task<RoleRow> GetAsync(SanusDb db, string id)
    {
        var role = await db.Roles.AsNoTracking().Include(r => r.Capabilities).SingleOrDefaultAsync(r => r.Id == id) ?? throw ProblemException.NotFound("role");
        return Row(role, await db.UserRoles.CountAsync(ur => ur.RoleId == id));
    }

    public static async Task<RoleRow> CreateAsync(SanusDb db, RoleInput input)
    {
        var role = new SanusRole { IsExternal = input.IsExternal };
        await ApplyAsync(db, role, input);
        db.Roles.Add(role);
        await db.SaveChangesAsync();
        return await GetAsync(db, role.Id);
    }

    public static async Task<RoleRow> UpdateAsync(SanusDb db, string id, RoleInput input)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id) ?? throw ProblemException.NotFound("role");
        await ApplyAsync(db, role, input);
        if (db.Entry(role).State == EntityState.Modified)
        {
            role.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, id);
    }

    /// <summary>
    /// Makes the role hold exactly the capabilities named. Grants are rows, audited as created and deleted; one
    /// more entry on the role shows the whole change on its History tab.
    /// </summary>
    public static async Task<RoleRow> SetCapabilitiesAsync(SanusDb db, string id, IReadOnlyList<string>? capabilities)
    {
        var role = await db.Roles.Include(r => r.Capabilities).SingleOrDefaultAsync(r => r.Id == id) ?? throw ProblemException.NotFound("role");
        var wanted = (capabilities ?? []).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(c => !Capabilities.All.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw ProblemException.Invalid("capabilities", $"Unknown capabilities: {string.Join(", ", unknown)}. Known ones are: {string.Join(", ", Capabilities.All.Keys)}.");
        }

        var before = role.Capabilities.Select(c => c.Capability).Order(StringComparer.Ordinal).ToList();
        if (before.Contains(Capabilities.UsersManage) && !wanted.Contains(Capabilities.UsersManage))
        {
            await AdminGuard.EnsureSomeoneManagesUsersAsync(db, exceptUserId: null, exceptRoleId: id);
        }

        role.Capabilities.RemoveAll(c => !wanted.Contains(c.Capability));
        role.Capabilities.AddRange(wanted.Except(before).Select(c => new RoleCapability { RoleId = id, Capability = c }));
        var after = role.Capabilities.Select(c => c.Capability).Order(StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(after))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditActions.Update,
                Entity = nameof(SanusRole),
                EntityId = id,
                Field = "Capabilities",
                OldValue = string.Join(", ", before),
                NewValue = string.Join(", ", after),
            });
            await db.SaveChangesAsync();
        }

        return await GetAsync(db, id);
    }

    private static async Task ApplyAsync(SanusDb db, SanusRole role, RoleInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        var code = input.Code?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var normalized = name.Normalize().ToUpperInvariant();
        if (name.Length == 0)
        {
            errors["name"] = ["Enter the role's name, e.g. \"Sales Manager\"."];
        }
        else if (name.Length > 256)
        {
            errors["name"] = ["Use at most 256 characters."];
        }
        else if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != role.Id))
        {
            errors["name"] = ["Another role already has this name."];
        }

        if (code.Length > 20)
        {
            errors["code"] = ["Use at most 20 characters, e.g. \"JD-002\"."];
        }
        else if (code.Length > 0 && await db.Roles.AnyAsync(r => r.Code == code && r.Id != role.Id))
        {
            errors["code"] = ["Another role already has this code."];
        }

        if (description.Length > 500)
        {
            errors["description"] = ["Use at most 500 characters."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        role.Name = name;
        // The same normalisation as Identity's default lookup normaliser, so sign-in and role checks find it.
        role.NormalizedName = normalized;
        role.Code = code;
        role.Description = description;
    }

    private static RoleRow Row(SanusRole role, int userCount) => new(
        role.Id,
        role.Code,
        role.Name ?? "",
        role.Description,
        role.IsExternal,
        role.Capabilities.Select(c => c.Capability).Order(StringComparer.Ordinal).ToList(),
        userCount);
}
