using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Components.Shared;

/// <summary>
/// What a page shows after a use case refused: messages by field, next to the inputs (the typed values stay in
/// the form model), and the refusal's title and detail when it names no field.
/// </summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    public bool Any => Message is not null || _fields.Count > 0;

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? For(string field) => _fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>();
        Message = null;
    }

    public void Show(ProblemException problem)
    {
        _fields = problem.Errors;
        Message = problem.Errors.Count > 0 ? "Some fields need attention." : $"{problem.Title}. {problem.Detail}";
    }

    /// <summary>Runs a use case; a refusal is kept for display and reported as false.</summary>
    public async Task<bool> TryAsync(Func<Task> work)
    {
        Clear();
        try
        {
            await work();
            return true;
        }
        catch (ProblemException problem)
        {
            Show(problem);
            return false;
        }
    }
}
