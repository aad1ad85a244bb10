using System.Net.Sockets;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using Workflow.Sdk.Jobs;

namespace Workflow.Plugins.Mail;

/// <summary>
/// Sends one mail through the configured SMTP server. A server that cannot be reached or answers with a
/// temporary error is retried with back-off; a permanent refusal (a 5xx reply) is given up at once.
/// </summary>
internal sealed class SmtpSendHandler(SmtpSettings smtp) : IJobHandler
{
    public const string JobKind = "mail.send";

    public static readonly Backoff Retries = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), Attempts: 6);

    public string Kind => JobKind;

    public async Task<JobResult> RunAsync(PluginJob job, CancellationToken cancellationToken)
    {
        var mail = JsonSerializer.Deserialize<OutgoingMail>(job.Payload)
            ?? throw new InvalidOperationException("The mail job carries no mail.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (smtp.User is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return JobResult.Done;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return JobResult.GiveUp($"the server refused the mail to {mail.To}: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpCommandException or SmtpProtocolException
            or ServiceNotConnectedException)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            return Retries.After(job.Attempt) is { } delay ? JobResult.Retry(delay, reason) : JobResult.GiveUp(reason);
        }
    }
}
