using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model: `dotnet ef migrations add Name --project src/Sanus.Migrations.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SanusDb>
{
    public SanusDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SanusDb>();
        Database.Configure(options, postgres: null, sqlite: "Data Source=design-time.db");
        return new SanusDb(options.Options, new CurrentUser(new HttpContextAccessor()));
    }
}
