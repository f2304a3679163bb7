namespace Sanus.Web.Features.Activities;

/// <summary>How long before a meeting its owner is reminded (<c>Sanus:MeetingReminderMinutes</c>, 30 by default).</summary>
public sealed record MeetingSettings(int ReminderMinutes)
{
    public static MeetingSettings From(IConfiguration configuration) =>
        new(configuration.GetValue("Sanus:MeetingReminderMinutes", 30));
}
