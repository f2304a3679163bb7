using Microsoft.Data.Sqlite;
using Sanus.Web.Data;

namespace Sanus.Web.Platform.Backup;

/// <summary>
/// <c>dotnet run --project src/Sanus.Web -- backup &lt;file&gt;</c> takes a consistent copy of the embedded database
/// while the app may be running (SQLite's online backup API reads one snapshot, whatever is written meanwhile);
/// <c>-- restore &lt;file&gt;</c> puts a copy back, with the app stopped. PostgreSQL is backed up with its own tools
/// (pg_dump / pg_restore, see docs/operations.md).
/// </summary>
public static class BackupCommands
{
    /// <summary>Runs a backup or restore named on the command line; false when the arguments name neither.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => a is "backup" or "restore");
        if (verb is null)
        {
            return false;
        }

        var index = Array.IndexOf(args, verb);
        var file = index + 1 < args.Length ? args[index + 1] : null;
        if (string.IsNullOrWhiteSpace(file))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/Sanus.Web -- {verb} <file>");
            Environment.ExitCode = 2;
            return true;
        }

        if (!string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString("Postgres")))
        {
            await Console.Error.WriteLineAsync("Sanus runs on PostgreSQL here: back it up with pg_dump -Fc and restore with pg_restore (docs/operations.md).");
            Environment.ExitCode = 2;
            return true;
        }

        var database = Path.Combine(Database.DataFolder(app.Configuration, app.Environment), "sanus.db");
        try
        {
            if (verb == "backup")
            {
                await SqliteBackup.BackupAsync(database, file);
                Console.WriteLine($"Backed up {database} to {Path.GetFullPath(file)}.");
            }
            else
            {
                await SqliteBackup.RestoreAsync(file, database);
                Console.WriteLine($"Restored {Path.GetFullPath(file)} into {database}.");
            }
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }
}

/// <summary>Online copies of a SQLite database, checked before they are trusted.</summary>
public static class SqliteBackup
{
    public static async Task BackupAsync(string databaseFile, string backupFile)
    {
        if (!File.Exists(databaseFile))
        {
            throw new InvalidOperationException($"There is no database at {databaseFile}.");
        }

        var target = Path.GetFullPath(backupFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = Open(databaseFile, SqliteOpenMode.ReadOnly))
        await using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            await SetRollbackJournalAsync(copy);
        }

        await CheckAsync(partial);
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>Replaces the database with the backup's content; the app must be stopped.</summary>
    public static async Task RestoreAsync(string backupFile, string databaseFile)
    {
        if (!File.Exists(backupFile))
        {
            throw new InvalidOperationException($"There is no backup at {Path.GetFullPath(backupFile)}.");
        }

        await CheckAsync(backupFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);

        // The backup API writes through the live database's own journal, so a crash half-way leaves the old content.
        await using var source = Open(backupFile, SqliteOpenMode.ReadOnly);
        await using var live = Open(databaseFile, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(live);
        await using var wal = live.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync();
    }

    /// <summary>Refuses a file that is not a sound Sanus database.</summary>
    public static async Task CheckAsync(string file)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await integrity.ExecuteScalarAsync();
        if (result != "ok")
        {
            throw new InvalidOperationException($"{file} fails SQLite's integrity check: {result}");
        }

        await using var migrations = connection.CreateCommand();
        migrations.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'AuditEntries')";
        if ((long)(await migrations.ExecuteScalarAsync() ?? 0L) != 2)
        {
            throw new InvalidOperationException($"{file} is not a Sanus database.");
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    // A backup is one self-contained file: no -wal beside it to lose when it is copied elsewhere.
    private static async Task SetRollbackJournalAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync();
    }
}
