namespace Sanus.Web.Features.Deals.Pages;

/// <summary>A column as the board holds it while the person works: the header from the server and the cards loaded so far.</summary>
public sealed class BoardColumn(DealList.Summary summary, IEnumerable<DealList.Card> cards, string? nextCursor)
{
    public DealList.Summary Summary { get; set; } = summary;

    public List<DealList.Card> Cards { get; } = [.. cards];

    public string? NextCursor { get; set; } = nextCursor;

    /// <summary>Adds cards in the column's order (largest amount first), skipping any already shown after a move.</summary>
    public void Add(IEnumerable<DealList.Card> cards)
    {
        Cards.AddRange(cards.Where(c => Cards.All(shown => shown.Id != c.Id)));
        Cards.Sort((a, b) => b.Amount != a.Amount ? b.Amount.CompareTo(a.Amount) : a.Id.CompareTo(b.Id));
    }
}
