using Microsoft.AspNetCore.Http;

namespace Sanus.Web.Platform.Problems;

/// <summary>
/// A refusal by a use case that the caller can act on. The API turns it into an RFC 9457 problem
/// details response; pages show <see cref="Errors"/> next to the fields they name.
/// </summary>
public sealed class ProblemException : Exception
{
    private ProblemException(int status, string title, string? detail, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, object?> extensions)
        : base(string.Join(" ", new[] { title, detail }.Concat(errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")).Where(t => !string.IsNullOrEmpty(t))))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        Extensions = extensions;
    }

    public ProblemException()
        : this(StatusCodes.Status400BadRequest, "Bad request", null, new Dictionary<string, string[]>(), new Dictionary<string, object?>())
    {
    }

    public ProblemException(string message)
        : this(StatusCodes.Status400BadRequest, message, null, new Dictionary<string, string[]>(), new Dictionary<string, object?>())
    {
    }

    public ProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = message;
        Errors = new Dictionary<string, string[]>();
        Extensions = new Dictionary<string, object?>();
    }

    public int Status { get; }

    public string Title { get; }

    public string? Detail { get; }

    /// <summary>Field name (camelCase, as in the API) to the messages about it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static ProblemException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "Some fields need attention", "Correct the fields listed in 'errors' and send again.", errors, new Dictionary<string, object?>());

    public static ProblemException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "Not found", $"There is no {what} with that id, or you may not see it.", new Dictionary<string, string[]>(), new Dictionary<string, object?>());

    public static ProblemException Locked() =>
        new(StatusCodes.Status423Locked, "Account locked", "Too many failed attempts. Try again in 15 minutes or ask an administrator to unlock the account.", new Dictionary<string, string[]>(), new Dictionary<string, object?>());

    public static ProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail, new Dictionary<string, string[]>(), new Dictionary<string, object?>());

    /// <summary>A business rule refused the action; <paramref name="missing"/> names each fact that is missing.</summary>
    public static ProblemException Refused(string title, IReadOnlyList<string> missing) =>
        new(StatusCodes.Status422UnprocessableEntity, title, string.Join(" ", missing), new Dictionary<string, string[]>(), new Dictionary<string, object?> { ["missing"] = missing });

    public static ProblemException Conflict(string title, string detail, IReadOnlyDictionary<string, object?> extensions) =>
        new(StatusCodes.Status409Conflict, title, detail, new Dictionary<string, string[]>(), extensions);

    /// <summary>The caller edited an older version; <paramref name="current"/> is what is stored now.</summary>
    public static ProblemException Stale(int yourVersion, int currentVersion, object current) =>
        new(StatusCodes.Status412PreconditionFailed, "The record was changed by someone else",
            $"You edited version {yourVersion}; the stored version is {currentVersion}. Review the current values and apply your change again.",
            new Dictionary<string, string[]>(), new Dictionary<string, object?> { ["currentVersion"] = currentVersion, ["current"] = current });
}
