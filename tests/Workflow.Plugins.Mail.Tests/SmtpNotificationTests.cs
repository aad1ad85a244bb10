using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Mail.Tests;

public sealed class SmtpNotificationTests
{
    private static readonly TicketSnapshot Ticket = new()
    {
        Number = "TKT0000042",
        Subject = "Printer 🖨️ jams",
        State = TicketState.New,
        ReporterName = "Ann Smith",
        ReporterMail = "ann@example.com",
    };

    [Fact]
    public async Task Notify_TicketCreated_SchedulesOneMailToTheReporter()
    {
        var jobs = new RecordingJobs();
        var notifier = new MailNotifier(Settings(25), jobs);

        await notifier.NotifyAsync(new TicketEvent(TicketEventKind.Created, Ticket, DateTimeOffset.UnixEpoch), default);
        await notifier.NotifyAsync(new TicketEvent(TicketEventKind.PriorityChanged, Ticket, DateTimeOffset.UnixEpoch), default);

        var (job, delay) = Assert.Single(jobs.Scheduled);
        Assert.Equal(SmtpSendHandler.JobKind, job.Kind);
        Assert.Equal(TimeSpan.Zero, delay);
        Assert.Contains("\"To\":\"ann@example.com\"", job.Payload);
    }

    [Fact]
    public async Task Send_ToLoopbackServer_DeliversSubjectWithNumberAndBody()
    {
        await using var server = new SmtpListener();
        var jobs = new RecordingJobs();
        await new MailNotifier(Settings(server.Port), jobs)
            .NotifyAsync(new TicketEvent(TicketEventKind.Created, Ticket, DateTimeOffset.UnixEpoch), default);

        var result = await new SmtpSendHandler(Settings(server.Port)).RunAsync(jobs.Scheduled[0].Job, default);

        Assert.Same(JobResult.Done, result);
        var message = Assert.Single(server.Messages);
        Assert.Equal("desk@example.com", message.From);
        Assert.Equal(["ann@example.com"], message.To);
        var parsed = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));
        Assert.Equal("[TKT0000042] Logged: Printer 🖨️ jams", parsed.Subject);
        Assert.StartsWith("Your report was logged as TKT0000042.", parsed.TextBody);
    }

    [Fact]
    public async Task Send_ServerNotListening_RetriesWithBackoffThenGivesUp()
    {
        var port = FreePort();
        var handler = new SmtpSendHandler(Settings(port));
        var job = new PluginJob(SmtpSendHandler.JobKind, """{"To":"ann@example.com","ToName":null,"Subject":"s","Body":"b"}""");

        var first = await handler.RunAsync(job, default);
        var third = await handler.RunAsync(job with { Attempt = 3 }, default);
        var last = await handler.RunAsync(job with { Attempt = 6 }, default);

        Assert.Equal(TimeSpan.FromMinutes(1), first.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(4), third.RetryAfter);
        Assert.True(last.GaveUp);
        Assert.Contains("SocketException", last.Reason);
    }

    [Fact]
    public async Task Send_RecipientRefusedPermanently_GivesUpAtOnce()
    {
        await using var server = new SmtpListener();
        server.Refused.Add("gone@example.com");
        var job = new PluginJob(SmtpSendHandler.JobKind, """{"To":"gone@example.com","ToName":null,"Subject":"s","Body":"b"}""");

        var result = await new SmtpSendHandler(Settings(server.Port)).RunAsync(job, default);

        Assert.True(result.GaveUp);
        Assert.StartsWith("the server refused the mail to gone@example.com: 550", result.Reason);
        Assert.Empty(server.Messages);
    }

    private static SmtpSettings Settings(int port) => new(
        "127.0.0.1",
        port,
        SecureSocketOptions.None,
        "desk@example.com",
        null,
        null,
        new HashSet<TicketEventKind> { TicketEventKind.Created, TicketEventKind.Resolved });

    /// <summary>A port that was free a moment ago; nothing listens on it.</summary>
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class RecordingJobs : IJobScheduler
    {
        public List<(PluginJob Job, TimeSpan Delay)> Scheduled { get; } = [];

        public void Schedule(PluginJob job, TimeSpan delay) => Scheduled.Add((job, delay));
    }
}
