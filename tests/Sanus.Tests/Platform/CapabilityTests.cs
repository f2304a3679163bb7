using System.Net;
using System.Net.Http.Json;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>ACC-2: capabilities are policies granted to roles as data.</summary>
public sealed class CapabilityTests(SanusApp app) : IClassFixture<SanusApp>
{
    [Fact]
    public async Task User_without_the_capability_gets_403_and_with_it_succeeds()
    {
        var designer = await app.CreateUserAsync(roles: "Design and Development Manager");
        var salesRep = await app.CreateUserAsync(roles: "Business Development");

        var refused = await (await app.ApiAs(designer.Email!)).PostAsJsonAsync("/api/v1/companies", Api.NewCompany());
        var allowed = await (await app.ApiAs(salesRep.Email!)).PostAsJsonAsync("/api/v1/companies", Api.NewCompany());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task Reading_the_audit_trail_needs_audit_read()
    {
        var salesRep = await app.CreateUserAsync(roles: "Business Development");
        var quality = await app.CreateUserAsync(roles: "Quality Manager & PRRC");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs(salesRep.Email!)).GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs(quality.Email!)).GetAsync("/api/v1/audit")).StatusCode);
    }
}
