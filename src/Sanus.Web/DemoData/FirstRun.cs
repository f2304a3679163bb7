using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Features.Activities;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.DemoData;

/// <summary>
/// What happens when the app starts (UX-5): migrate, write the role catalogue, make sure an administrator
/// exists, load the demo data set into a new database unless an empty install was asked for, and print
/// where to sign in.
/// </summary>
public sealed class FirstRun(SanusDb db, UserManager<SanusUser> users, RoleManager<SanusRole> roles, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const string AdminEmail = "admin@sanus.example";

    public static async Task<bool> HandleCommandLineAsync(WebApplication app, string[] args)
    {
        await Database.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var firstRun = scope.ServiceProvider.GetRequiredService<FirstRun>();
        var empty = args.Contains("--empty") || app.Configuration.GetValue("Sanus:EmptyInstall", false);
        var password = await firstRun.EnsureAsync(loadDemoData: !empty && app.Configuration.GetValue("Sanus:DemoData", true));
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, password));
        return false;
    }

    /// <summary>Returns the administrator's password when it is known (just generated, or configured).</summary>
    public async Task<string?> EnsureAsync(bool loadDemoData)
    {
        var isNew = !await db.Users.AnyAsync();
        await RoleCatalogue.EnsureAsync(db, roles);
        var passwordFile = Path.Combine(Database.DataFolder(configuration, environment), "admin-password.txt");
        var password = configuration["SANUS_ADMIN_PASSWORD"];
        if (!isNew)
        {
            return password ?? (File.Exists(passwordFile) ? (await File.ReadAllTextAsync(passwordFile)).Trim() : null);
        }

        password ??= Generate();
        await CreateUserAsync(AdminEmail, "Sanus Administrator", password, RoleCatalogue.Administrator);
        if (configuration["SANUS_ADMIN_PASSWORD"] is null)
        {
            // Kept next to the database (never in the repository) so the next start can print it again.
            await File.WriteAllTextAsync(passwordFile, password);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        if (loadDemoData)
        {
            var companies = await DemoCompanies.LoadAsync(db);
            await DemoUsers.LoadAsync(this, password, companies);
            var usersByEmail = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            await DemoDeals.LoadAsync(db, clock, usersByEmail);
            await DemoActivities.LoadAsync(db, clock, MeetingSettings.From(configuration));
            await DemoCatalogue.LoadAsync(db, clock);
            await DemoSales.LoadAsync(db, users, configuration, clock, password);
            await DemoInquiries.LoadAsync(db, clock, usersByEmail);
        }

        return password;
    }

    public Task<SanusUser> CreateUserAsync(string email, string name, string password, params string[] roleNames) =>
        CreateUserAsync(email, name, password, null, roleNames);

    public async Task<SanusUser> CreateUserAsync(string email, string name, string password, Guid? partnerCompanyId, params string[] roleNames)
    {
        var user = new SanusUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime, PartnerCompanyId = partnerCompanyId };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roleNames);
        }

        return result.Succeeded ? user : throw new InvalidOperationException($"Could not create {email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
    }

    private static string Generate()
    {
        // Readable (no 0/O, 1/l) and always with a digit, a lower- and an upper-case letter, as Identity requires.
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
        return string.Concat(Enumerable.Range(0, 5).Select(_ => $"{Pick(lower)}{Pick(upper)}{Pick(digits)}"));
    }

    private static void PrintBanner(WebApplication app, string? password)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine("  Sanus is running at " + url);
        Console.WriteLine("  Sign in as " + AdminEmail + " with password " + (password ?? "(set with SANUS_ADMIN_PASSWORD; it was changed since the first run)"));
        Console.WriteLine("  Demo users of every role use the same password; see the Users page.");
        Console.WriteLine();
    }
}
