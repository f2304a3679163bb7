using MudBlazor.Services;
using Sanus.Web.Components;
using Sanus.Web.Data;
using Sanus.Web.DemoData;
using Sanus.Web.Features.Activities;
using Sanus.Web.Features.Admin;
using Sanus.Web.Features.Catalogue;
using Sanus.Web.Features.Companies;
using Sanus.Web.Features.Contacts;
using Sanus.Web.Features.Contracts;
using Sanus.Web.Features.Dashboards;
using Sanus.Web.Features.Deals;
using Sanus.Web.Features.Exports;
using Sanus.Web.Features.Implementation;
using Sanus.Web.Features.Imports;
using Sanus.Web.Features.Inquiries;
using Sanus.Web.Features.Merges;
using Sanus.Web.Features.Quotations;
using Sanus.Web.Features.Tasks;
using Sanus.Web.Features.Views;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Backup;
using Sanus.Web.Platform.Health;
using Sanus.Web.Platform.Mail;
using Sanus.Web.Platform.Problems;
using Sanus.Web.Platform.Search;
using Sanus.Web.Platform.Signatures;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddSanusDatabase();
builder.AddSanusAuth();
builder.Services.AddSanusProblems();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Sanus API";
    document.Info.Description = "The REST API of Sanus. Authenticate with a personal access token: POST /api/v1/auth/token, then send Authorization: Bearer <token>. Paging, filters and errors are described in docs/api.md.";
    document.Servers = [];
    return Task.CompletedTask;
}));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScoped<FirstRun>();
builder.Services.AddScoped<Signing>();
builder.Services.AddSanusImports();
builder.Services.AddSanusMail(builder.Configuration);
builder.Services.AddSanusActivities(builder.Configuration);

var app = builder.Build();

app.UseSanusProblems();
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseTextWithoutNul();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/docs", options => options.WithTitle("Sanus API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
app.MapHealth();

var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAuthApi();
api.MapAuditApi();
api.MapAdminApi();
api.MapCompaniesApi();
api.MapContactsApi();
api.MapMergesApi();
api.MapViewsApi();
api.MapDealsApi();
api.MapQuotationsApi();
api.MapImportsApi();
api.MapExportsApi();
api.MapActivitiesApi();
api.MapTasksApi();
api.MapCatalogueApi();
api.MapInquiriesApi();
api.MapContractsApi();
api.MapImplementationApi();
api.MapSearchApi();
api.MapDashboardsApi();

// Our Content-Security-Policy already says frame-ancestors 'none'; Blazor would add a second header.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
app.MapAdditionalIdentityEndpoints();

if (await BackupCommands.TryRunAsync(app, args) || await FirstRun.HandleCommandLineAsync(app, args))
{
    return;
}

app.Run();

public partial class Program;
