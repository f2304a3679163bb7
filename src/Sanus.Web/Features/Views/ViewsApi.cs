using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.Features.Views;

public static class ViewsApi
{
    public static void MapViewsApi(this RouteGroupBuilder api)
    {
        var views = api.MapGroup("/views").WithTags("Saved views");
        views.MapGet("/", List).WithSummary("The caller's saved views, optionally of one list (companies, contacts, deals).");
        views.MapPost("/", Save).WithSummary("Save the filters and sort of a list under a name; the same name replaces the view.");
        views.MapDelete("/{id:guid}", Delete).WithSummary("Delete one of the caller's saved views.");
    }

    private static async Task<Ok<List<SavedViews.ViewDto>>> List(string? list, ClaimsPrincipal user, SanusDb db) =>
        TypedResults.Ok(await SavedViews.ListAsync(db, AuthApi.UserId(user), list));

    private static async Task<Ok<SavedViews.ViewDto>> Save(SavedViews.ViewInput input, ClaimsPrincipal user, SanusDb db, TimeProvider clock) =>
        TypedResults.Ok(await SavedViews.SaveAsync(db, clock, AuthApi.UserId(user), input));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, SanusDb db)
    {
        await SavedViews.DeleteAsync(db, AuthApi.UserId(user), id);
        return TypedResults.NoContent();
    }
}
