using Quartz;

namespace Sanus.Web.Features.Activities;

public static class ActivitiesSetup
{
    public static void AddSanusActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => MeetingSettings.From(provider.GetRequiredService<IConfiguration>()));

        // Quartz keeps its logger in a process-wide static, so the test suite, which runs many hosts in one process,
        // turns the scheduler off (Sanus:BackgroundJobs=false) and calls the jobs' work directly with a fake clock.
        if (!configuration.GetValue("Sanus:BackgroundJobs", true))
        {
            return;
        }

        services.AddQuartz(quartz =>
        {
            // The in-memory store holds only the every-minute trigger; the reminders themselves are rows, so nothing
            // is lost on restart. Quartz keys schedulers by name per process: a unique name keeps several hosts
            // (the test suite starts many) from sharing one.
            quartz.SchedulerName = "Sanus-" + Guid.NewGuid().ToString("N");
            quartz.AddJob<MeetingReminderJob>(MeetingReminderJob.Key);
            quartz.AddTrigger(trigger => trigger.ForJob(MeetingReminderJob.Key).WithIdentity("meeting-reminders-every-minute")
                .StartNow().WithSimpleSchedule(schedule => schedule.WithIntervalInMinutes(1).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
