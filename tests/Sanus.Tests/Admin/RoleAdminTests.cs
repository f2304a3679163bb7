using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Admin;

/// <summary>ACC-2: roles and their capability grants are data, edited through the API and audited.</summary>
public sealed class RoleAdminTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Roles_are_listed_with_their_capabilities()
    {
        var admin = await app.ApiAsAdmin();

        var roles = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/roles");

        var sales = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Sales Manager");
        Assert.Equal("JD-002", sales.GetProperty("code").GetString());
        Assert.False(sales.GetProperty("isExternal").GetBoolean());
        Assert.Contains("quotes.approve", sales.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.True(roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Channel Partner").GetProperty("isExternal").GetBoolean());
    }

    [Fact]
    public async Task Create_and_edit_a_role_with_field_errors()
    {
        var admin = await app.ApiAsAdmin();

        var invalid = await admin.PostAsJsonAsync("/api/v1/admin/roles", new { code = "JD-002", name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("code", out _));

        var id = await CreateRole(admin);
        var edited = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}", new { code = "JD-099", name = "Regulatory Affairs " + id[..6], description = "Keeps registrations current." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("JD-099", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Grant_and_revoke_are_audited_and_take_effect()
    {
        var admin = await app.ApiAsAdmin();
        var id = await CreateRole(admin);
        var user = await app.CreateUserAsync(roles: "Business Development");
        var client = await app.ApiAs(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/roles", RolesBody("Business Development", RoleName(id)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);

        var granted = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}/capabilities", Names("audit.read", "deals.edit"));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit")).StatusCode);

        var revoked = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}/capabilities", Names("deals.edit"));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(["deals.edit"], (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);

        var grant = await Entries(admin, "RoleCapability", $"{id}/audit.read");
        Assert.Contains(grant, e => e.Action == "create" && e.Field == "Capability" && e.OldValue is null && e.NewValue == "audit.read");
        Assert.Contains(grant, e => e.Action == "delete" && e.Field == "Capability" && e.OldValue == "audit.read" && e.NewValue is null);
        var onRole = (await Entries(admin, "SanusRole", id)).Where(e => e.Field == "Capabilities").ToList();
        Assert.Contains(onRole, e => e.OldValue == "" && e.NewValue == "audit.read, deals.edit");
        Assert.Contains(onRole, e => e.OldValue == "audit.read, deals.edit" && e.NewValue == "deals.edit");
    }

    [Fact]
    public async Task Unknown_capability_is_refused_by_name()
    {
        var admin = await app.ApiAsAdmin();
        var id = await CreateRole(admin);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}/capabilities", Names("deals.edit", "deals.steal", "moon.land"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("capabilities")[0].GetString()!;
        Assert.Contains("deals.steal, moon.land", message, StringComparison.Ordinal);
        var role = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/roles/{id}");
        Assert.Empty(role.GetProperty("capabilities").EnumerateArray());
    }

    private sealed record Entry(string Action, string? Field, string? OldValue, string? NewValue);

    private static async Task<List<Entry>> Entries(HttpClient admin, string entity, string id)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity={entity}&id={Uri.EscapeDataString(id)}");
        return [.. page.GetProperty("items").EnumerateArray().Select(e => new Entry(
            e.GetProperty("action").GetString()!,
            e.GetProperty("field").GetString(),
            e.GetProperty("oldValue").GetString(),
            e.GetProperty("newValue").GetString()))];
    }

    private static string RoleName(string id) => "Test role " + id;

    private static async Task<string> CreateRole(HttpClient admin)
    {
        var key = Guid.NewGuid().ToString("N");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/roles", new { code = "", name = "Test role " + key, description = "For a test." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // Rename so the test can find the role by a name derived from its id.
        var renamed = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}", new { code = "", name = RoleName(id), description = "For a test." });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        return id;
    }

    private static object RolesBody(params string[] roles) => new { roles };

    private static string[] Names(params string[] names) => names;
}
