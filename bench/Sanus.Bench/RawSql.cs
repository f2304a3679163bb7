using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sanus.Bench;

/// <summary>
/// The baseline: the same reads and writes done directly in SQL over ADO.NET, no framework in between, on a pooled
/// connection opened per call as a request opens one. Values are bound as the app stores them (SQLite keeps ids as
/// upper-case text).
/// </summary>
public sealed class RawSql(string connectionString, bool postgres)
{
    public bool IsPostgres => postgres;

    /// <summary>Runs the statements (several result sets allowed) and reads every value of every row, as a mapper would.</summary>
    public async Task<int> ReadAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    /// <summary>Several statements in one transaction, as a use case writes the change and its history together.</summary>
    public async Task WriteAsync(params (string Sql, (string Name, object Value)[] Parameters)[] statements)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (sql, parameters) in statements)
        {
            await using var command = Command(connection, sql, parameters);
            command.Transaction = transaction;
            if (await command.ExecuteNonQueryAsync() == 0)
            {
                throw new InvalidOperationException("The baseline write changed no row: " + sql);
            }
        }

        await transaction.CommitAsync();
    }

    public object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();

    public object Time(DateTime at) => postgres ? at : at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The full-text condition on a record's SearchText, every word a prefix, as Platform/Search/FullText builds it.</summary>
    public (string Condition, object Value) FullText(string table, string ftsTable, IEnumerable<string> words) => postgres
        ? ("to_tsvector('simple', t.\"SearchText\") @@ to_tsquery('simple', @q)", string.Join(" & ", words.Select(w => w + ":*")))
        : ($"t.rowid IN (SELECT rowid FROM \"{ftsTable}\" WHERE \"{ftsTable}\" MATCH @q)", string.Join(' ', words.Select(w => "\"" + w + "\"*")));

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
