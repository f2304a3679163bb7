using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Admin;

/// <summary>ACC-2: the last users.manage grant held by an active user can't be removed, so nobody locks everyone out.</summary>
public sealed class LastAdministratorTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task Last_users_manage_grant_is_protected()
    {
        var admin = await app.ApiAsAdmin();
        var roles = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/roles");
        var administrator = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Administrator");
        var id = administrator.GetProperty("id").GetString()!;
        var others = administrator.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).Where(c => c != "users.manage").ToArray();

        var revoke = await admin.PutAsJsonAsync($"/api/v1/admin/roles/{id}/capabilities", others);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, revoke.StatusCode);
        var problem = await revoke.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("users.manage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/roles/{id}");
        Assert.Contains("users.manage", after.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Only_administrator_cannot_lose_the_role_or_be_deactivated()
    {
        var admin = await app.ApiAsAdmin();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var adminId = me.GetProperty("id").GetString()!;

        var demote = await admin.PutAsJsonAsync($"/api/v1/admin/users/{adminId}/roles", RolesBody("Business Development"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);

        var self = await admin.PostAsync($"/api/v1/admin/users/{adminId}/deactivate", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);

        // A second administrator makes the first one's demotion allowed.
        var second = await app.CreateUserAsync(roles: "Administrator");
        var secondClient = await app.ApiAs(second.Email!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await secondClient.PostAsync($"/api/v1/admin/users/{second.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.PutAsJsonAsync($"/api/v1/admin/users/{second.Id}/roles", RolesBody("Administrator", "Sales Manager"))).StatusCode);
        var lastOne = await admin.PostAsync($"/api/v1/admin/users/{second.Id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, lastOne.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{adminId}/roles", RolesBody("Business Development"))).StatusCode);
    }

    private static object RolesBody(params string[] roles) => new { roles };

    private static string[] Names(params string[] names) => names;
}
