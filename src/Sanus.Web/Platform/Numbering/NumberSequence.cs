using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Audit;

namespace Sanus.Web.Platform.Numbering;

/// <summary>The last number handed out for one kind of record in one year.</summary>
public sealed class NumberSequence : INotAudited
{
    public string Kind { get; set; } = "";

    public int Year { get; set; }

    public int Last { get; set; }

    public static void Configure(ModelBuilder builder) =>
        builder.Entity<NumberSequence>(sequence =>
        {
            sequence.ToTable("NumberSequences");
            sequence.HasKey(s => new { s.Kind, s.Year });
            sequence.Property(s => s.Kind).HasMaxLength(10);
        });
}

/// <summary>
/// REC-4: quotation, contract, change-request and non-conformity numbers are sequential per kind and year and
/// never reused. The number is taken inside the transaction that saves the record: the sequence row stays
/// locked until commit (PostgreSQL row lock, SQLite write lock), so parallel creations queue, and a rolled-back
/// creation gives its number back instead of leaving a gap.
/// </summary>
public static class RecordNumbers
{
    public const string Quotation = "Q";
    public const string Contract = "CT";
    public const string ChangeRequest = "CR";
    public const string NonConformity = "NC";

    /// <summary>The next number, e.g. <c>Q-2026-0007</c>. Needs an open transaction on <paramref name="db"/>.</summary>
    public static async Task<string> NextAsync(SanusDb db, string kind, int year, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Take a record number inside the transaction that saves the record.");
        }

        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO "NumberSequences" ("Kind", "Year", "Last") VALUES ({kind}, {year}, 1)
            ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "NumberSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        return Format(kind, year, taken.Single());
    }

    public static string Format(string kind, int year, int number) => $"{kind}-{year}-{number:0000}";

    /// <summary>REC-4, IMP-1: implementation-plan records are named after the customer and the contract date.</summary>
    public static string ImplementationPlanName(string customerName, DateOnly contractDate) =>
        $"R-009-001 {customerName.Trim()} {contractDate:yyyyMMdd}";
}
