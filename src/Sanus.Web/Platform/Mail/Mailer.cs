using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Sanus.Web.Platform.Problems;

namespace Sanus.Web.Platform.Mail;

/// <summary>
/// The settings section <c>Smtp</c>. Host and credentials come from configuration (environment, user secrets),
/// never from the repository; without a Host, Sanus sends no email and says so.
/// </summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "Sanus <sanus@localhost>";

    /// <summary>STARTTLS; off by default so a local relay or test listener works without certificates.</summary>
    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>Sends email through SMTP with MailKit (INT-3): invites, reminders and, later, quotations and notifications.</summary>
public sealed class Mailer(IOptions<SmtpSettings> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw ProblemException.Refused("Email is not set up", ["Ask an administrator to set Smtp:Host, Smtp:Port and Smtp:From."]);
        }

        if (message.From.Count == 0)
        {
            message.From.Add(From);
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

public static class MailSetup
{
    public static void AddSanusMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddSingleton<Mailer>();
    }
}
