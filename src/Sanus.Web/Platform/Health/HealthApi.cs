using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Health;

public static class HealthApi
{
    public sealed record HealthStatus(string Status, string? Detail = null);

    public static void MapHealth(this WebApplication app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")));
        health.MapGet("/ready", Ready);
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(SanusDb db, CancellationToken cancellationToken)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return Unavailable("The database can't be reached.");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? Unavailable("The database is not migrated yet.") : TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            return Unavailable(exception.Message);
        }
    }

    private static JsonHttpResult<HealthStatus> Unavailable(string detail) =>
        TypedResults.Json(new HealthStatus("unavailable", detail), statusCode: StatusCodes.Status503ServiceUnavailable);
}
