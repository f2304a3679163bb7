namespace Sanus.Web.Platform.Problems;

/// <summary>The page size rules shared by every list endpoint (docs/api.md).</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(int? requested) => requested switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw ProblemException.Invalid("limit", $"Choose a limit from 1 to {MaxLimit}."),
        { } value => value,
    };
}
