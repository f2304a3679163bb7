using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sanus.Web.Data;

namespace Sanus.Bench;

/// <summary>
/// Writes generated rows straight into the tables EF Core maps: SQLite through one prepared INSERT in a transaction,
/// PostgreSQL through binary COPY. Columns and value conversions come from the EF model, so a row is stored exactly as
/// the app would store it; the app's own triggers and indexes still run. Bench data is seeded, so it is not audited.
/// </summary>
public sealed class BulkInsert(SanusDb db)
{
    public async Task WriteAsync<T>(IEnumerable<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetTypeMapping())).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table.Name, columns, rows);
        }
        else
        {
            await InsertAsync(connection, table.Name, columns, rows);
        }
    }

    private static object? ProviderValue(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
        var converter = property.GetValueConverter() ?? mapping.Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<(IProperty Property, string Name, RelationalTypeMapping Mapping)> columns, IEnumerable<T> rows)
        where T : class
    {
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = ProviderValue(column.Property, column.Mapping, row);
                if (value is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value);
                }
            }
        }

        await writer.CompleteAsync();
    }

    private static async Task InsertAsync<T>(DbConnection connection, string table, List<(IProperty Property, string Name, RelationalTypeMapping Mapping)> columns, IEnumerable<T> rows)
        where T : class
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ProviderValue(columns[i].Property, columns[i].Mapping, row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
