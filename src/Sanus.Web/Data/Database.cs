using System.Data.Common;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sanus.Web.Platform.Audit;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Data;

/// <summary>Which database Sanus uses and how it is opened: SQLite in the data folder unless PostgreSQL is configured.</summary>
public static class Database
{
    public const string SqliteMigrations = "Sanus.Migrations.Sqlite";
    public const string PostgresMigrations = "Sanus.Migrations.Postgres";

    private static int _resolverInstalled;

    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["SANUS_DATA"] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "data"));

    public static void AddSanusDatabase(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var sqlite = string.IsNullOrWhiteSpace(postgres) ? SqliteConnectionString(DataFolder(builder.Configuration, builder.Environment)) : null;
        LoadMigrationAssemblies();

        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddDbContextFactory<SanusDb>(
            (services, options) =>
            {
                Configure(options, postgres, sqlite);
                options.AddInterceptors(services.GetRequiredService<AuditInterceptor>());
            },
            ServiceLifetime.Scoped);
    }

    public static void Configure(DbContextOptionsBuilder options, string? postgres, string? sqlite)
    {
        options.AddInterceptors(TextWithoutNul.Instance);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            options.UseNpgsql(postgres, o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            options.UseSqlite(sqlite, o => o.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
    }

    public static string SqliteConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "sanus.db")};Foreign Keys=True;Pooling=True;Default Timeout=30";
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
        if (!db.IsPostgres)
        {
            // WAL is a property of the database file: set once, it stays.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// The migrations assemblies reference this one, so the app finds them by file name beside itself
    /// (see docs/adr/0002-migrations-projects.md).
    /// </summary>
    private static void LoadMigrationAssemblies()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrations or PostgresMigrations))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    /// <summary>synchronous=FULL is per connection in SQLite, so it is set each time one opens.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
