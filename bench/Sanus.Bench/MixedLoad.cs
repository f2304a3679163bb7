using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sanus.Bench;

/// <summary>
/// Simulated users at once, each in a loop without think time: mostly browsing (deal list, board, company page),
/// some searching, some updating their own contacts (so no two users collide on a version). Loopback only, and
/// bounded: the users stop when the time is up. Any non-success answer or exception counts as an error.
/// </summary>
public static class MixedLoad
{
    public const double BudgetRequestsPerSecond = 1000;

    public static async Task<LoadFigure> RunAsync(Scenarios scenarios, Tier tier)
    {
        var times = new ConcurrentBag<double>();
        long requests = 0, errors = 0;
        var firstError = (string?)null;
        var contactsPerUser = Math.Max(1, tier.Contacts / 2 / tier.MixedUsers);
        var watch = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(tier.MixedSeconds);

        async Task UserAsync(int user)
        {
            var random = new Random(user);
            var updates = 0;
            while (watch.Elapsed < end)
            {
                var started = watch.Elapsed;
                var calls = 1;
                try
                {
                    switch (random.Next(10))
                    {
                        case < 4:
                            await scenarios.GetAsync($"/api/v1/deals?sort=-amount&limit=50&country={Generator.Countries[random.Next(Generator.Countries.Length)]}");
                            break;
                        case 4:
                            await scenarios.GetAsync("/api/v1/deals/board");
                            break;
                        case < 7:
                            await scenarios.GetAsync($"/api/v1/companies/{Generator.CompanyId(random.Next(tier.Companies))}");
                            break;
                        case < 9:
                            await scenarios.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(Generator.LastNames[random.Next(Generator.LastNames.Length)] + " " + Generator.FirstNames[random.Next(Generator.FirstNames.Length)]));
                            break;
                        default:
                            calls = 2;
                            await scenarios.UpdateContactAsync((tier.Contacts / 2) + (user * contactsPerUser) + (updates++ % contactsPerUser));
                            break;
                    }

                    times.Add((watch.Elapsed - started).TotalMilliseconds / calls);
                }
                catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                }

                Interlocked.Add(ref requests, calls);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, tier.MixedUsers).Select(user => Task.Run(() => UserAsync(user))));
        var elapsed = watch.Elapsed.TotalSeconds;
        if (firstError is not null)
        {
            Console.WriteLine("First error under load: " + firstError);
        }

        var sorted = times.ToList();
        return new LoadFigure(tier.MixedUsers, elapsed, requests, errors, Figure.Percentile(sorted, 0.5), Figure.Percentile(sorted, 0.95), BudgetRequestsPerSecond);
    }
}
