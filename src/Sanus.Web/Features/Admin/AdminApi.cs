using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Admin;

/// <summary>Users, roles and capability grants over HTTP (ACC-1, ACC-2); every endpoint needs users.manage.</summary>
public static class AdminApi
{
    public sealed record RolesRequest(IReadOnlyList<string>? Roles);

    public sealed record PasswordRequest(string? Password);

    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireCapability(Capabilities.UsersManage);

        admin.MapGet("/users", ListUsers).WithSummary("Users with their roles, active and locked-out state; search matches name or email. Offset-cursor paged.");
        admin.MapPost("/users", CreateUser).WithSummary("Create a user with roles and an initial password.");
        admin.MapGet("/users/{id}", GetUser).WithSummary("One user.");
        admin.MapPut("/users/{id}/roles", SetRoles).WithSummary("Replace the user's roles (by role name).");
        admin.MapPost("/users/{id}/deactivate", (string id, SanusDb db, TimeProvider clock) => Ok(UserAdmin.DeactivateAsync(db, clock, id)))
            .WithSummary("Deactivate the user: no sign-in, no API access. Users are never deleted.");
        admin.MapPost("/users/{id}/reactivate", (string id, SanusDb db, TimeProvider clock) => Ok(UserAdmin.ReactivateAsync(db, clock, id)))
            .WithSummary("Allow a deactivated user to sign in again.");
        admin.MapPost("/users/{id}/unlock", (string id, SanusDb db, TimeProvider clock) => Ok(UserAdmin.UnlockAsync(db, clock, id)))
            .WithSummary("End a lock-out after failed sign-ins and clear the failure count.");
        admin.MapPost("/users/{id}/password", ResetPassword).WithSummary("Set a new password for the user.");

        admin.MapGet("/roles", async (SanusDb db) => TypedResults.Ok(await RoleAdmin.ListAsync(db))).WithSummary("Roles with their capabilities.");
        admin.MapPost("/roles", CreateRole).WithSummary("Create a role.");
        admin.MapGet("/roles/{id}", async (string id, SanusDb db) => TypedResults.Ok(await RoleAdmin.GetAsync(db, id))).WithSummary("One role.");
        admin.MapPut("/roles/{id}", async (string id, RoleAdmin.RoleInput input, SanusDb db) => TypedResults.Ok(await RoleAdmin.UpdateAsync(db, id, input)))
            .WithSummary("Change a role's code, name and description.");
        admin.MapPut("/roles/{id}/capabilities", async (string id, string[] capabilities, SanusDb db) => TypedResults.Ok(await RoleAdmin.SetCapabilitiesAsync(db, id, capabilities)))
            .WithSummary("Replace the role's capabilities with the names given (a JSON array).");
    }

    private static async Task<Ok<UserAdmin.UserRow>> Ok(Task<UserAdmin.UserRow> work) => TypedResults.Ok(await work);

    private static async Task<Ok<UserAdmin.UserPage>> ListUsers(SanusDb db, TimeProvider clock, string? search, int? limit, string? cursor)
    {
        var offset = 0;
        if (cursor is not null && !int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            throw ProblemException.Invalid("cursor", "Pass the nextCursor value of the previous page unchanged.");
        }

        return TypedResults.Ok(await UserAdmin.ListAsync(db, clock, search, Paging.Limit(limit), offset));
    }

    private static async Task<Created<UserAdmin.UserRow>> CreateUser(UserAdmin.NewUser input, SanusDb db, UserManager<SanusUser> users, TimeProvider clock)
    {
        var user = await UserAdmin.CreateAsync(db, users, clock, input);
        return TypedResults.Created($"/api/v1/admin/users/{user.Id}", user);
    }

    private static async Task<Ok<UserAdmin.UserRow>> GetUser(string id, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(await UserAdmin.GetAsync(db, clock, id));

    private static async Task<Ok<UserAdmin.UserRow>> SetRoles(string id, RolesRequest request, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(await UserAdmin.SetRolesAsync(db, clock, id, request.Roles));

    private static async Task<NoContent> ResetPassword(string id, PasswordRequest request, UserManager<SanusUser> users)
    {
        await UserAdmin.ResetPasswordAsync(users, id, request.Password);
        return TypedResults.NoContent();
    }

    private static async Task<Created<RoleAdmin.RoleRow>> CreateRole(RoleAdmin.RoleInput input, SanusDb db)
    {
        var role = await RoleAdmin.CreateAsync(db, input);
        return TypedResults.Created($"/api/v1/admin/roles/{role.Id}", role);
    }
}
