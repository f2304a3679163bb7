using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Views;

/// <summary>Saved views per user: each person sees and manages only their own.</summary>
public static class SavedViews
{
    public static readonly IReadOnlyList<string> Lists = ["companies", "contacts", "deals"];

    public sealed record ViewInput(string? List, string? Name, string? Query);

    public sealed record ViewDto(Guid Id, string List, string Name, string Query);

    public static Task<List<ViewDto>> ListAsync(SanusDb db, string userId, string? list) =>
        db.Set<SavedView>().AsNoTracking()
            .Where(v => v.UserId == userId && (list == null || v.List == list))
            .OrderBy(v => v.List).ThenBy(v => v.Name)
            .Select(v => new ViewDto(v.Id, v.List, v.Name, v.Query))
            .ToListAsync();

    /// <summary>Saves a view; a view of the same name on the same list is replaced, as people expect from "Save view".</summary>
    public static async Task<ViewDto> SaveAsync(SanusDb db, TimeProvider clock, string userId, ViewInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["Name the view in 1 to 100 characters, e.g. \"Spanish hospitals\"."];
        }

        if (input.List is null || !Lists.Contains(input.List))
        {
            errors["list"] = [$"Choose one of: {string.Join(", ", Lists)}."];
        }

        var query = (input.Query ?? "").TrimStart('?');
        if (query.Length > 2000 || query.Contains("cursor=", StringComparison.OrdinalIgnoreCase))
        {
            errors["query"] = ["Keep the filters and sort only (no cursor), at most 2,000 characters."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }

        var view = await db.Set<SavedView>().SingleOrDefaultAsync(v => v.UserId == userId && v.List == input.List && v.Name == name);
        if (view is null)
        {
            view = new SavedView { UserId = userId, List = input.List!, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(view);
        }

        view.Query = query;
        await db.SaveChangesAsync();
        return new ViewDto(view.Id, view.List, view.Name, view.Query);
    }

    public static async Task DeleteAsync(SanusDb db, string userId, Guid id)
    {
        var view = await db.Set<SavedView>().SingleOrDefaultAsync(v => v.Id == id && v.UserId == userId) ?? throw ProblemException.NotFound("saved view");
        db.Remove(view);
        await db.SaveChangesAsync();
    }
}
