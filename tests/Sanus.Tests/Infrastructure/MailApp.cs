using System.Globalization;

namespace Sanus.Tests.Infrastructure;

/// <summary>The app with email going to a local <see cref="SmtpListener"/> and reminders 30 minutes before meetings.</summary>
public sealed class MailApp : SanusApp
{
    public SmtpListener Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "Sanus CRM <crm@sanus.test>",
        ["Sanus:MeetingReminderMinutes"] = "30",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}
