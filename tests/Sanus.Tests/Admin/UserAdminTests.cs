using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Admin;

/// <summary>ACC-1, ACC-4: administrators create users, change their roles, deactivate and unlock them, through the API.</summary>
public sealed class UserAdminTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Users_admin_needs_users_manage()
    {
        var seller = await app.CreateUserAsync(roles: "Business Development");
        var client = await app.ApiAs(seller.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/admin/users", NewUser("x@test.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/roles")).StatusCode);

        var admin = await app.ApiAsAdmin();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={Uri.EscapeDataString(seller.Email!)}");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(seller.Id, row.GetProperty("id").GetString());
        Assert.Equal(["Business Development"], Roles(row));
        Assert.True(row.GetProperty("isActive").GetBoolean());
        Assert.False(row.GetProperty("isLockedOut").GetBoolean());
    }

    [Fact]
    public async Task Create_user_names_each_field_that_is_wrong()
    {
        var admin = await app.ApiAsAdmin();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "not an email", displayName = " ", roles = Names("Chief Dreamer"), password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["displayName", "email", "password", "roles"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Chief Dreamer", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_users_need_a_company_and_only_external_roles()
    {
        var admin = await app.ApiAsAdmin();

        var noCompany = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser($"p-{Guid.NewGuid():N}@test.example", "Channel Partner"));
        var errors = (await noCompany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("partnerCompanyId", out _));

        var mixed = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = $"p-{Guid.NewGuid():N}@test.example", displayName = "Partner", roles = Names("Channel Partner", "Administrator"), partnerCompanyId = Guid.NewGuid(), password = SanusApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Contains("Administrator", (await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Created_user_signs_in_and_roles_change_is_audited()
    {
        var admin = await app.ApiAsAdmin();
        var email = $"new-{Guid.NewGuid():N}@test.example";

        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser(email, "Business Development"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs(email)).GetAsync("/api/v1/me")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", RolesBody("Sales Manager", "Account Manager"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var user = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}");
        Assert.Equal(["Account Manager", "Sales Manager"], Roles(user));
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity=SanusUser&id={id}");
        var rolesEntry = history.GetProperty("items").EnumerateArray().First(e => e.GetProperty("field").GetString() == "Roles");
        Assert.Equal("Business Development", rolesEntry.GetProperty("oldValue").GetString());
        Assert.Equal("Account Manager, Sales Manager", rolesEntry.GetProperty("newValue").GetString());

        var unknown = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", RolesBody("Wizard"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Deactivated_user_cannot_get_or_use_a_token()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        var client = await app.ApiAs(user.Email!);
        var admin = await app.ApiAsAdmin();

        var deactivated = await admin.PostAsync($"/api/v1/admin/users/{user.Id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestToken(user.Email!, SanusApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/users/{user.Id}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestToken(user.Email!, SanusApp.Password)).StatusCode);
    }

    [Fact]
    public async Task Unlock_ends_a_lock_out()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await RequestToken(user.Email!, "Wrong-password-1");
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Locked, $"attempt {attempt}: {wrong.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Locked, (await RequestToken(user.Email!, SanusApp.Password)).StatusCode);
        var admin = await app.ApiAsAdmin();
        var row = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{user.Id}");
        Assert.True(row.GetProperty("isLockedOut").GetBoolean());

        var unlocked = await admin.PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null);

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isLockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await RequestToken(user.Email!, SanusApp.Password)).StatusCode);
    }

    [Fact]
    public async Task Password_reset_replaces_the_old_password()
    {
        var user = await app.CreateUserAsync(roles: "Account Manager");
        var admin = await app.ApiAsAdmin();

        var weak = await admin.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/password", new { password = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/password", new { password = "Brand-new-pass-7" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestToken(user.Email!, SanusApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestToken(user.Email!, "Brand-new-pass-7")).StatusCode);
    }

    private Task<HttpResponseMessage> RequestToken(string email, string password) =>
        app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    private static object NewUser(string email, params string[] roles) =>
        new { email, displayName = "New Person", roles, password = SanusApp.Password };

    private static string[] Roles(JsonElement user) => [.. user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private static object RolesBody(params string[] roles) => new { roles };

    private static string[] Names(params string[] names) => names;
}
