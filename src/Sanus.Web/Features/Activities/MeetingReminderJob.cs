using Quartz;
using Sanus.Web.Data;
using Sanus.Web.Platform.Mail;

namespace Sanus.Web.Features.Activities;

/// <summary>Quartz only triggers the work; what is due and what was sent is read from the database (ACT-3).</summary>
[DisallowConcurrentExecution]
public sealed class MeetingReminderJob(IServiceScopeFactory scopes, TimeProvider clock, Mailer mailer) : IJob
{
    public static readonly JobKey Key = new("meeting-reminders");

    public async Task Execute(IJobExecutionContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanusDb>();
        await MeetingReminders.SendDueAsync(db, clock, mailer, context.CancellationToken);
    }
}
