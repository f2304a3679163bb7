using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sanus.Tests.Infrastructure;

namespace Sanus.Tests.Platform;

/// <summary>REC-1: every change is audited with old and new values; the chain detects tampering; entries can't be changed.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Update_writes_old_and_new_value_with_the_user()
    {
        using var app = new SanusApp();
        var client = await app.ApiAsAdmin();
        var company = await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany("Before Name"))).Json();
        var id = company.GetProperty("id").GetGuid();
        await client.PutAsJsonAsync($"/api/v1/companies/{id}", new { name = "After Name", country = "ES", website = company.GetProperty("website").GetString() });

        var history = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/audit?entity=Company&id={id}");

        var change = history.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "update" && e.GetProperty("field").GetString() == "Name");
        Assert.Equal("Before Name", change.GetProperty("oldValue").GetString());
        Assert.Equal("After Name", change.GetProperty("newValue").GetString());
        Assert.Contains("admin@sanus.example", change.GetProperty("userName").GetString(), StringComparison.Ordinal);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "create" && e.GetProperty("field").GetString() == "Country" && e.GetProperty("newValue").GetString() == "ES");
    }

    [Fact]
    public async Task Verify_reports_the_first_tampered_entry()
    {
        using var app = new SanusApp();

        // A time with sub-microsecond ticks: PostgreSQL drops them, and the chain must still verify.
        app.Clock.Advance(TimeSpan.FromTicks(7));
        var client = await app.ApiAsAdmin();
        await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany());
        var intact = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());

        var target = await app.WithDb(db => db.AuditEntries.Where(a => a.Entity == "Company" && a.Field == "Name").Select(a => a.Seq).FirstAsync());
        await app.WithDb(async db =>
        {
            // A tamperer with direct database access must first get past the append-only trigger.
            if (db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal))
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_NoChange\"");
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"NewValue\" = 'Forged' WHERE \"Seq\" = {target}");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate");
                await db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET NewValue = 'Forged' WHERE Seq = {target}");
            }

            return 0;
        });

        var broken = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/audit/verify");

        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(target, broken.GetProperty("firstBrokenSeq").GetInt64());
    }

    [Fact]
    public async Task Audit_entries_cannot_be_updated_or_deleted_through_the_database()
    {
        using var app = new SanusApp();
        await app.ApiAsAdmin();
        var update = await Record.ExceptionAsync(() => app.WithDb(db => db.Database.ExecuteSqlRawAsync(
            SanusApp.IsPostgres ? "UPDATE \"AuditEntries\" SET \"Reason\" = 'x'" : "UPDATE AuditEntries SET Reason = 'x'")));
        var delete = await Record.ExceptionAsync(() => app.WithDb(db => db.Database.ExecuteSqlRawAsync(
            SanusApp.IsPostgres ? "DELETE FROM \"AuditEntries\"" : "DELETE FROM AuditEntries")));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_entry_change_through_ef_is_refused()
    {
        using var app = new SanusApp();
        await app.ApiAsAdmin();
        var error = await Record.ExceptionAsync(() => app.WithDb(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Reason = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public async Task Csv_export_is_audited_and_neutralises_formulas()
    {
        using var app = new SanusApp();
        var client = await app.ApiAsAdmin();
        var company = await (await client.PostAsJsonAsync("/api/v1/companies", Api.NewCompany("=HYPERLINK(\"http://evil.example\")"))).Json();
        var id = company.GetProperty("id").GetGuid();

        var response = await client.GetAsync($"/api/v1/audit/export.csv?entity=Company&id={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        var exports = await app.WithDb(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.EntityId == $"Company/{id}"));
        Assert.Equal(1, exports);
    }
}
