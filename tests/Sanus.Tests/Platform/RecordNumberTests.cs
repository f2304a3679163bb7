using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanus.Tests.Infrastructure;
using Sanus.Web.Data;
using Sanus.Web.Platform.Numbering;

namespace Sanus.Tests.Platform;

/// <summary>REC-4: record numbers are sequential per kind and year, never reused, and gap-free under parallel creation.</summary>
public sealed class RecordNumberTests(SanusApp app) : IClassFixture<SanusApp>
{
    private async Task<string?> TakeAsync(string kind, int year, bool commit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await RecordNumbers.NextAsync(db, kind, year);
        if (!commit)
        {
            await transaction.RollbackAsync();
            return null;
        }

        await transaction.CommitAsync();
        return number;
    }

    [Fact]
    public async Task Parallel_creations_get_consecutive_numbers_with_no_gap_and_no_repeat()
    {
        _ = app.Server;
        var kind = "T" + Random.Shared.Next(100, 999);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => TakeAsync(kind, 2026, commit: true))));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"{kind}-2026-{n:0000}").Order(), numbers.Order());
    }

    [Fact]
    public async Task A_rolled_back_creation_gives_its_number_back_and_each_year_starts_at_one()
    {
        _ = app.Server;
        Assert.Equal("Q-2031-0001", await TakeAsync(RecordNumbers.Quotation, 2031, commit: true));
        Assert.Null(await TakeAsync(RecordNumbers.Quotation, 2031, commit: false));
        Assert.Equal("Q-2031-0002", await TakeAsync(RecordNumbers.Quotation, 2031, commit: true));
        Assert.Equal("CT-2031-0001", await TakeAsync(RecordNumbers.Contract, 2031, commit: true));
        Assert.Equal("Q-2032-0001", await TakeAsync(RecordNumbers.Quotation, 2032, commit: true));
    }

    [Fact]
    public async Task A_number_is_only_taken_inside_the_saving_transaction()
    {
        await app.WithDb(async db =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => RecordNumbers.NextAsync(db, RecordNumbers.Quotation, 2026));
            return await db.Set<NumberSequence>().CountAsync();
        });
    }

    [Fact]
    public void Implementation_plan_records_are_named_after_the_customer_and_the_contract_date()
    {
        Assert.Equal("R-009-001 Sanitas Hospitales 20261103", RecordNumbers.ImplementationPlanName(" Sanitas Hospitales ", new DateOnly(2026, 11, 3)));
    }
}
