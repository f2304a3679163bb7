using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Deals.Pages;

/// <summary>Why a move was refused, as the card and the deal page list it: the rule's title and each missing fact (DL-4).</summary>
public sealed record DealRefusal(string Title, IReadOnlyList<string> Missing)
{
    public static DealRefusal From(ProblemException problem) =>
        problem.Extensions.GetValueOrDefault("missing") is IReadOnlyList<string> missing
            ? new DealRefusal(problem.Title, missing)
            : new DealRefusal(problem.Title, [.. problem.Errors.Values.SelectMany(m => m).DefaultIfEmpty(problem.Detail ?? "")]);
}
