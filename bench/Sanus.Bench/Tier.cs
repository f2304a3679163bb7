namespace Sanus.Bench;

/// <summary>A data size to measure at (issue 7): tiny for the smoke test, default for the budgets, large for growth.</summary>
public sealed record Tier(string Name, int Companies, int Contacts, int Deals, int Activities, int ImportRows, int Runs, int MixedUsers, int MixedSeconds)
{
    public static readonly Tier Tiny = new("tiny", 200, 500, 1_000, 5_000, 1_000, 20, 20, 3);
    public static readonly Tier Default = new("default", 20_000, 50_000, 30_000, 500_000, 100_000, 300, 200, 20);
    public static readonly Tier Large = new("large", 200_000, 1_000_000, 300_000, 10_000_000, 100_000, 300, 200, 20);

    public static Tier Named(string name) => name switch
    {
        "tiny" => Tiny,
        "default" => Default,
        "large" => Large,
        _ => throw new ArgumentException($"Unknown tier '{name}': use tiny, default or large."),
    };
}
