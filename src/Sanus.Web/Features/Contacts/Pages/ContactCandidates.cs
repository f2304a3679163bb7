using Sanus.Web.Components.Shared;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Features.Contacts.Pages;

/// <summary>Reads the likely duplicates out of a create's 409 refusal (CT-3), shaped for the warning.</summary>
public static class ContactCandidates
{
    public static List<DuplicateCandidate>? From(ProblemException problem) =>
        problem.Status == StatusCodes.Status409Conflict && problem.Extensions.TryGetValue("candidates", out var value) && value is IEnumerable<ContactRules.Candidate> found
            ? found.Select(c => new DuplicateCandidate($"contacts/{c.Id}", c.Name, c.Phone is null ? c.Email : $"{c.Email} · {c.Phone}", c.MatchedOn)).ToList()
            : null;

    /// <summary>A person may override a name or phone match, never an email match: emails are unique (CT-3).</summary>
    public static bool MayCreateAnyway(IEnumerable<DuplicateCandidate> candidates) => candidates.All(c => c.MatchedOn != "email");
}
