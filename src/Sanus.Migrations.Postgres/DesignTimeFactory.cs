using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model: `dotnet ef migrations add Name --project src/Sanus.Migrations.Postgres`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SanusDb>
{
    public SanusDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SanusDb>();
        Database.Configure(options, postgres: "Host=localhost;Database=sanus_design", sqlite: null);
        return new SanusDb(options.Options, new CurrentUser(new HttpContextAccessor()));
    }
}
