using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Audit;

/// <summary>
/// Appends audit entries after the change they describe was saved, in the same transaction. Entries are written with one
/// prepared statement reused for every row (SQLite) or one binary COPY (PostgreSQL), not as tracked entities: an import of
/// 100,000 contacts makes over a million entries, and tracking and generating a statement for each took most of its time.
/// </summary>
internal static class AuditWriter
{
    private static readonly string[] Columns =
    [
        nameof(AuditEntry.Seq), nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.Action),
        nameof(AuditEntry.Entity), nameof(AuditEntry.EntityId), nameof(AuditEntry.Field), nameof(AuditEntry.OldValue), nameof(AuditEntry.NewValue),
        nameof(AuditEntry.Reason), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    public static async Task AppendAsync(SanusDb db, IReadOnlyList<AuditEntry> entries, bool async, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = Quote(type.GetTableName()!);
        var columns = Columns.Select(c => Quote(type.FindProperty(c)!.GetColumnName())).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table, columns, entries, async, cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";
        var parameters = Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var entry in entries)
        {
            var values = Values(entry);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (async)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<string> columns, IReadOnlyList<AuditEntry> entries, bool async, CancellationToken cancellationToken)
    {
        var sql = $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
        await using var writer = async ? await connection.BeginBinaryImportAsync(sql, cancellationToken) : connection.BeginBinaryImport(sql);
        foreach (var entry in entries)
        {
            if (async)
            {
                await writer.StartRowAsync(cancellationToken);
            }
            else
            {
                writer.StartRow();
            }

            var values = Values(entry);
            for (var i = 0; i < values.Length; i++)
            {
                var kind = i switch { 0 => NpgsqlDbType.Bigint, 1 => NpgsqlDbType.TimestampTz, _ => NpgsqlDbType.Text };
                if (values[i] is null)
                {
                    await WriteNull(writer, async, cancellationToken);
                }
                else if (async)
                {
                    await writer.WriteAsync(values[i], kind, cancellationToken);
                }
                else
                {
                    writer.Write(values[i], kind);
                }
            }
        }

        if (async)
        {
            await writer.CompleteAsync(cancellationToken);
        }
        else
        {
            writer.Complete();
        }
    }

    private static async Task WriteNull(NpgsqlBinaryImporter writer, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>The stored values, in the order of <see cref="Columns"/>; times in UTC as the model's converter stores them.</summary>
    private static object?[] Values(AuditEntry e) =>
    [
        e.Seq, e.At.Kind == DateTimeKind.Utc ? e.At : e.At.ToUniversalTime(), e.UserId, e.UserName, e.Action, e.Entity, e.EntityId,
        e.Field, e.OldValue, e.NewValue, e.Reason, e.PreviousHash, e.Hash,
    ];

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
