namespace Sanus.Web.Features.Views;

/// <summary>A user's named set of filters and sort for a list page ("My Spanish hospitals"), like a HubSpot view.</summary>
public sealed class SavedView
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = "";

    /// <summary>Which list the view belongs to: "companies", "contacts", …</summary>
    public string List { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The list's query string (filters and sort) exactly as the list page and the API read it.</summary>
    public string Query { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
