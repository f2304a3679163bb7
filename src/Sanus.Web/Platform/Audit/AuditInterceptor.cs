using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sanus.Web.Data;
using Sanus.Web.Platform.Records;

namespace Sanus.Web.Platform.Audit;

/// <summary>
/// The one place that writes the audit trail for data changes (REC-1) and keeps record versions (REC-2).
/// It runs inside the same transaction as the change, takes the chain lock so entries are appended in
/// order, and refuses any update or delete of an audit entry.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotAudited = ["Version", "UpdatedAt", "CreatedAt", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "SearchText"];
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "Hash", "Value"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SanusDb db)
        {
            Prepare(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SanusDb db)
        {
            await Prepare(db, async: true, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is SanusDb db)
        {
            AppendPending(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
            db.CommitAuditTransaction();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SanusDb db)
        {
            await AppendPending(db, async: true, cancellationToken);
            await db.CommitAuditTransactionAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>The entries of the change just saved, written before the transaction commits; if they can't be, nothing is committed.</summary>
    private static async Task AppendPending(SanusDb db, bool async, CancellationToken cancellationToken)
    {
        var entries = db.PendingAuditEntries;
        db.PendingAuditEntries = [];
        try
        {
            await AuditWriter.AppendAsync(db, entries, async, cancellationToken);
        }
        catch
        {
            await db.RollbackAuditTransaction(async, cancellationToken);
            throw;
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is SanusDb db)
        {
            db.PendingAuditEntries = [];
            db.RollbackAuditTransaction();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SanusDb db)
        {
            db.PendingAuditEntries = [];
            await db.RollbackAuditTransactionAsync(cancellationToken);
        }
    }

    private async Task Prepare(SanusDb db, bool async, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();

        // PostgreSQL keeps microseconds; the hash must be of the value that comes back from the database.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10));
        var changes = db.ChangeTracker.Entries().Where(e => (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && e.Entity is not INotAudited).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var newEntries = new List<AuditEntry>();
        var addedByCaller = new List<EntityEntry>();
        foreach (var change in changes)
        {
            if (change.Entity is AuditEntry entry)
            {
                if (change.State != EntityState.Added)
                {
                    throw new InvalidOperationException("Audit entries are append-only: they can't be changed or deleted.");
                }

                newEntries.Add(entry);
                addedByCaller.Add(change);
                continue;
            }

            StampRecord(change, now);
            newEntries.AddRange(Describe(change, db.AuditReason));
        }

        try
        {
            await db.BeginAuditTransaction(async, cancellationToken);
            var last = async
                ? await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(cancellationToken)
                : db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefault();
            var seq = last?.Seq ?? 0;
            var previousHash = last?.Hash ?? "";
            foreach (var entry in newEntries)
            {
                entry.Seq = ++seq;
                entry.At = entry.At == default ? now : entry.At.AddTicks(-(entry.At.Ticks % 10));
                if (entry.UserName.Length == 0)
                {
                    entry.UserId = db.CurrentUser.Id;
                    entry.UserName = db.CurrentUser.Name;
                }

                entry.PreviousHash = previousHash;
                entry.Hash = AuditChain.ComputeHash(entry);
                previousHash = entry.Hash;
            }

            // Written by AuditWriter once the change is saved; an entry a caller added to the context is not inserted a second time.
            foreach (var added in addedByCaller)
            {
                added.State = EntityState.Detached;
            }

            db.PendingAuditEntries = newEntries;
        }
        catch
        {
            await db.RollbackAuditTransaction(async, cancellationToken);
            throw;
        }
    }

    private static void StampRecord(EntityEntry change, DateTime now)
    {
        if (change.Entity is not Entity record)
        {
            return;
        }

        switch (change.State)
        {
            case EntityState.Added:
                record.CreatedAt = now;
                record.UpdatedAt = now;
                record.Version = 1;
                break;
            case EntityState.Modified:
                record.Version = (int)change.Property(nameof(Entity.Version)).OriginalValue! + 1;
                record.UpdatedAt = now;
                break;
            case EntityState.Deleted:
                throw new InvalidOperationException($"{change.Metadata.ClrType.Name} records are archived, never deleted.");
        }
    }

    private static IEnumerable<AuditEntry> Describe(EntityEntry change, string? reason)
    {
        var entity = EntityName(change);
        var id = string.Join("/", change.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(change.Property(p.Name).CurrentValue)));
        var action = change.State switch
        {
            EntityState.Added => AuditActions.Create,
            EntityState.Deleted => AuditActions.Delete,
            _ => ArchiveAction(change) ?? AuditActions.Update,
        };

        foreach (var property in change.Properties)
        {
            var name = property.Metadata.Name;
            if (NotAudited.Contains(name))
            {
                continue;
            }

            var oldValue = change.State == EntityState.Added ? null : Format(property.OriginalValue);
            var newValue = change.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (change.State == EntityState.Modified && (!property.IsModified || oldValue == newValue))
            {
                continue;
            }

            if (oldValue is null && newValue is null)
            {
                continue;
            }

            if (Secret.Contains(name))
            {
                oldValue = oldValue is null ? null : "(secret)";
                newValue = newValue is null ? null : "(secret, changed)";
            }

            yield return new AuditEntry { Action = action, Entity = entity, EntityId = id, Field = name, OldValue = oldValue, NewValue = newValue, Reason = reason };
        }
    }

    private static string? ArchiveAction(EntityEntry change)
    {
        if (change.Entity is not Entity)
        {
            return null;
        }

        var archived = change.Property(nameof(Entity.ArchivedAt));
        if (!archived.IsModified)
        {
            return null;
        }

        return (archived.OriginalValue, archived.CurrentValue) switch
        {
            (null, not null) => AuditActions.Archive,
            (not null, null) => AuditActions.Restore,
            _ => null,
        };
    }

    public static string EntityName(EntityEntry change)
    {
        var type = change.Metadata.ClrType;
        return type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
