using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Data;

namespace Sanus.Tests.Reliability;

/// <summary>The app with every SELECT it sends kept, so a test can ask the database how it would run them.</summary>
public sealed class PlanApp : SanusApp
{
    public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Selects { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SanusDb>(options => options.AddInterceptors(new Recorder(this))));
    }

    private sealed class Recorder(PlanApp app) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                app.Selects.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

/// <summary>
/// Issue 7 (query plans): the queries behind the board, the list filters, search, the timeline, the audit trail of a
/// record and the duplicate lookup are run by the real API, caught on their way to the database, and explained there
/// (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans priced out). A full scan of a large table
/// means an index is missing: it fails here, not for a user.
/// </summary>
public sealed partial class QueryPlanTests(PlanApp app) : IClassFixture<PlanApp>
{
    /// <summary>The tables that grow with the business; small lookup tables may be scanned.</summary>
    private static readonly string[] Large =
    [
        "Company", "Contact", "ContactCompany", "Deal", "DealContact", "DealStageChange", "Activity", "ActivityCompany",
        "ActivityContact", "ActivityDeal", "TaskItem", "AuditEntries", "Site", "CompanyRelationship", "Quotation", "QuotationLines",
        "Contract", "ContractPayment", "ChangeRequest", "ImplementationPlan", "Inquiry", "InquiryStep", "Signature", "StoredFiles",
    ];

    private static readonly Dictionary<string, string> RowidKeys = new() { ["AuditEntries"] = "Seq" };

    [Theory]
    [InlineData("board", "/api/v1/deals/board")]
    [InlineData("board column", "/api/v1/deals/board/Prospected?limit=20")]
    [InlineData("deal list by amount", "/api/v1/deals?sort=-amount&limit=50")]
    [InlineData("deal list filtered", "/api/v1/deals?country=ES&dealClass=care-inpatient-private-for-profit&limit=50")]
    [InlineData("deal list by owner", "/api/v1/deals?ownerId={user}&limit=50")]
    [InlineData("company list", "/api/v1/companies?limit=50")]
    [InlineData("company search", "/api/v1/companies?q=Levante&limit=20")]
    [InlineData("contact search", "/api/v1/contacts?q=Ruiz&limit=20")]
    [InlineData("global search", "/api/v1/search?q=Levante")]
    [InlineData("contacts of a company", "/api/v1/contacts?companyId={company}&limit=50")]
    [InlineData("company timeline", "/api/v1/timeline?companyId={company}&limit=20")]
    [InlineData("deal timeline", "/api/v1/timeline?dealId={deal}&limit=20")]
    [InlineData("tasks of a deal", "/api/v1/tasks?dealId={deal}")]
    [InlineData("audit of a record", "/api/v1/audit?entity=Company&id={company}")]
    [InlineData("quotations of a deal", "/api/v1/quotations?dealId={deal}")]
    [InlineData("contracts of a deal", "/api/v1/contracts?dealId={deal}")]
    [InlineData("plans of a deal", "/api/v1/implementation-plans?dealId={deal}")]
    [InlineData("questions of a deal", "/api/v1/inquiries?dealId={deal}")]
    public async Task Hot_reads_use_indexes(string what, string path)
    {
        var (company, deal, user) = await ArrangeAsync();
        var url = path.Replace("{company}", company.ToString(), StringComparison.Ordinal).Replace("{deal}", deal.ToString(), StringComparison.Ordinal).Replace("{user}", user, StringComparison.Ordinal);
        var admin = await app.ApiAsAdmin();
        app.Selects.Clear();

        var response = await admin.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, $"{what}: {await response.Content.ReadAsStringAsync()}");
        await AssertIndexedAsync(what);
    }

    [Fact]
    public async Task The_duplicate_lookups_on_create_use_indexes()
    {
        var (company, _, _) = await ArrangeAsync();
        var admin = await app.ApiAsAdmin();
        app.Selects.Clear();

        await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ana", lastName = "Ruiz", email = $"ana.{Guid.NewGuid():N}@levante.example", phone = "+34 600 000 000", jobTitle = "CMO", companyIds = new[] { company } });
        await admin.PostAsJsonAsync("/api/v1/companies", Api.NewCompany("Hospital Levante"));

        await AssertIndexedAsync("duplicate lookup");
    }

    [Fact]
    public async Task A_query_on_a_column_without_an_index_is_caught()
    {
        await ArrangeAsync();
        var sql = SanusApp.IsPostgres
            ? "SELECT c.\"Id\" FROM \"Company\" AS c WHERE c.\"Notes\" = 'x'"
            : "SELECT \"c\".\"Id\" FROM \"Company\" AS \"c\" WHERE \"c\".\"Notes\" = 'x'";

        var plan = await ExplainAsync(sql, []);

        Assert.True(ScansWholeTable(sql, plan, "Company"), plan);
    }

    private async Task<(Guid Company, Guid Deal, string User)> ArrangeAsync()
    {
        var admin = await app.ApiAsAdmin();
        var company = (await (await admin.PostAsJsonAsync("/api/v1/companies?confirm=true", Api.NewCompany("Hospital Levante " + Guid.NewGuid().ToString("N")[..6]))).Json()).GetProperty("id").GetGuid();
        var contact = (await (await admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ana", lastName = "Ruiz", email = $"ana.{Guid.NewGuid():N}@levante.example", jobTitle = "CMO", companyIds = new[] { company } })).Json()).GetProperty("id").GetGuid();
        var deal = (await (await admin.PostAsJsonAsync("/api/v1/deals", new { companyId = company, description = "Pilot", dealClass = "care-inpatient-private-for-profit", origin = "inbound-enquiry", amount = 10m, currency = "EUR", contactIds = new[] { contact } })).Json()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/activities", new { type = "call", direction = "outbound", subject = "First call", companyIds = new[] { company }, contactIds = new[] { contact }, dealIds = new[] { deal } });
        var me = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        return (company, deal, me.GetProperty("id").GetString()!);
    }

    private async Task AssertIndexedAsync(string what)
    {
        var selects = app.Selects.ToList();
        Assert.NotEmpty(selects);
        var scans = new List<string>();
        foreach (var (sql, parameters) in selects)
        {
            var plan = await ExplainAsync(sql, parameters);
            var scanned = Large.Where(table => ScansWholeTable(sql, plan, table)).ToList();
            if (scanned.Count > 0)
            {
                scans.Add($"{string.Join(", ", scanned)} scanned by:\n{sql}\nplan:\n{plan}");
            }
        }

        Assert.True(scans.Count == 0, $"{what}: a query reads a whole large table (missing index):\n" + string.Join("\n---\n", scans));
    }

    /// <summary>
    /// PostgreSQL names the table in the plan; SQLite names the alias the query gave it ("SCAN d"), so aliases are
    /// read from the SQL first. A SQLite "SCAN x USING (COVERING) INDEX" walks an index in order and is fine.
    /// </summary>
    private static bool ScansWholeTable(string sql, string plan, string table)
    {
        if (SanusApp.IsPostgres)
        {
            return plan.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal);
        }

        // A walk of the table in its rowid order (an INTEGER PRIMARY KEY such as the audit trail's Seq) stopped by a
        // LIMIT reads only the rows it returns; SQLite prints it as a bare SCAN too.
        var names = AliasPattern().Matches(sql).Where(m => m.Groups["table"].Value == table).Select(m => m.Groups["alias"].Value).Append(table).Distinct();
        return names.Any(name => Regex.IsMatch(plan, $@"\bSCAN {Regex.Escape(name)}\b(?! USING)")
            && !(RowidKeys.TryGetValue(table, out var key) && Regex.IsMatch(sql, $@"ORDER BY ""{Regex.Escape(name)}"".""{key}""( DESC)?\s+LIMIT") && !plan.Contains("TEMP B-TREE", StringComparison.Ordinal)));
    }

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex AliasPattern();

    private async Task<string> ExplainAsync(string sql, (string Name, object? Value)[] parameters)
    {
        var connectionString = await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using DbConnection connection = SanusApp.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (SanusApp.IsPostgres)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = (SanusApp.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(SanusApp.IsPostgres ? reader.GetString(0) : reader.GetString(3));
        }

        return string.Join('\n', lines);
    }
}
