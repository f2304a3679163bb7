using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;
using Sanus.Web.Platform.Files;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Audit;

public static class AuditApi
{
    public sealed record EntryDto(long Seq, DateTime At, string? UserId, string UserName, string Action, string Entity, string EntityId, string? Field, string? OldValue, string? NewValue, string? Reason, string Hash);

    public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", List).RequireCapability(Capabilities.AuditRead)
            .WithSummary("Audit entries, newest first, optionally for one record (entity and id), an action, or a user whose name contains the text given. Keyset paged.");
        audit.MapGet("/verify", Verify).RequireCapability(Capabilities.AuditRead)
            .WithSummary("Walk the hash chain and report the first broken link, if any.");
        audit.MapGet("/export.csv", Export).RequireCapability(Capabilities.AuditExport)
            .WithSummary("The audit entries as CSV, optionally for one record. The export is itself audited.");
    }

    /// <summary>The entries matching the filters: entity and id exactly, action exactly, user name containing the text given.</summary>
    public static IQueryable<AuditEntry> Query(SanusDb db, string? entity, string? id, string? user = null, string? action = null)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(id))
        {
            query = query.Where(a => a.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            // Wildcards are dropped rather than escaped: nobody searches for a literal % in a name.
            var pattern = "%" + user.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() + "%";
            query = query.Where(a => EF.Functions.Like(a.UserName.ToUpper(), pattern));
        }

        return query;
    }

    public static async Task<Page<EntryDto>> PageAsync(SanusDb db, string? entity, string? id, int limit, long? before, string? user = null, string? action = null)
    {
        var query = Query(db, entity, id, user, action);
        if (before is { } seq)
        {
            query = query.Where(a => a.Seq < seq);
        }

        var items = await query.OrderByDescending(a => a.Seq).Take(limit + 1)
            .Select(a => new EntryDto(a.Seq, a.At, a.UserId, a.UserName, a.Action, a.Entity, a.EntityId, a.Field, a.OldValue, a.NewValue, a.Reason, a.Hash))
            .ToListAsync();
        var next = items.Count > limit ? items[limit - 1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<EntryDto>(items.Take(limit).ToList(), next);
    }

    private static async Task<Ok<Page<EntryDto>>> List(SanusDb db, string? entity, string? id, string? user, string? action, int? limit, string? cursor)
    {
        var pageSize = Paging.Limit(limit);
        long? before = null;
        if (cursor is not null)
        {
            before = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? seq
                : throw ProblemException.Invalid("cursor", "Pass the nextCursor value of the previous page unchanged.");
        }

        return TypedResults.Ok(await PageAsync(db, entity, id, pageSize, before, user, action));
    }

    private static async Task<Ok<AuditChain.Verification>> Verify(SanusDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(db, cancellationToken));

    private static async Task<FileContentHttpResult> Export(SanusDb db, string? entity, string? id, string? user, string? action)
    {
        var entries = await Query(db, entity, id, user, action).OrderBy(a => a.Seq).ToListAsync();
        var csv = new Csv().Row("Seq", "At (UTC)", "User", "Action", "Entity", "Id", "Field", "Old value", "New value", "Reason", "Hash");
        foreach (var e in entries)
        {
            csv.Row(e.Seq.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.UserName, e.Action, e.Entity, e.EntityId, e.Field, e.OldValue, e.NewValue, e.Reason, e.Hash);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditActions.Export,
            Entity = "AuditEntry",
            EntityId = string.IsNullOrEmpty(entity) ? "*" : $"{entity}/{id}",
            Reason = $"CSV export of {entries.Count} audit entries",
        });
        await db.SaveChangesAsync();
        var name = string.IsNullOrEmpty(entity) ? "audit.csv" : $"audit-{entity}-{id}.csv";
        return TypedResults.File(csv.ToBytes(), "text/csv", name);
    }
}
