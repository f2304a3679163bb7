using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanus.Web.Data;
using Sanus.Web.Platform.Auth;

namespace Sanus.Web.Features.Imports;

/// <summary>
/// Runs queued imports one at a time in the background (UX-3), each as the user who uploaded it. The queue is only a wake-up
/// call: the job's state is read from the database, and at start-up the jobs left queued or running by a stopped process
/// are run again (a run that did not finish wrote nothing).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportProgress progress, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid job) => _queue.Writer.TryWrite(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
            var unfinished = await db.Set<ImportJob>().Where(j => j.Status == ImportStatuses.Queued || j.Status == ImportStatuses.Running)
                .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(cancellationToken);
            unfinished.ForEach(Enqueue);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database not migrated yet (a first-run command) has no jobs to resume.
            log.LogWarning(exception, "Could not look for unfinished imports");
        }
    }

    private async Task RunAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
            var job = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null || !ImportStatuses.IsBusy(job.Status))
            {
                return;
            }

            // The run acts as its user: the audit trail names them and their partner scope limits what the rows may touch.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanusUser>>();
            if (await users.FindByIdAsync(job.UserId) is not { IsActive: true } user)
            {
                await FailAsync(id, "The user who started this import is no longer active, so nothing was imported.");
                return;
            }

            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SanusUser>>().CreateAsync(user);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseCircuitPrincipal(principal);
            await Importing.RunAsync(db, clock, progress, id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.LogError(exception, "Import {Job} stopped", id);
            await FailAsync(id, "The import stopped on an unexpected error, so nothing was imported. Run it again; if it fails again, report the time to an administrator.");
        }
        finally
        {
            progress.Remove(id);
        }
    }

    private async Task FailAsync(Guid id, string message)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == id);
        await Importing.FailAsync(db, clock, job, message, CancellationToken.None);
    }
}
