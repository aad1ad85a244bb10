using System.Text;
using Workflow.Engine.Plugins;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Plugins;

/// <summary>The Mail plugin as the host loads it from the build's plugins folder, on real files and a real database.</summary>
public sealed class MailIntakeHostTests : IDisposable
{
    private readonly DirectoryInfo _inbox = Directory.CreateTempSubdirectory("inbox-");

    public void Dispose() => _inbox.Delete(recursive: true);

    [Fact]
    public async Task Poll_MessageThenReply_OpensATicketAndThreadsTheReplyIntoIt()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting, $"--Plugins:Mail:Folder={_inbox.FullName}");
        var channel = Assert.Single(host.Engine.Plugins.IntakeChannels);
        var sink = new PluginTicketSink(host.Engine, "mail");
        Drop("1.eml", "=?UTF-8?Q?Wi-Fi_im_B=C3=BCro_f=C3=A4llt_aus?=", "The SSID vanishes 🙁", "Jörg Meier <joerg@example.com>");

        var first = await channel.PollAsync(sink, default);
        Drop("2.eml", "RE: [TKT0000001] Logged", "Still gone.", "joerg@example.com");
        var second = await channel.PollAsync(sink, default);

        Assert.Equal((1, 0, 1, 0), (first.Opened, first.Threaded, second.Threaded, second.Opened));
        var ticket = await host.GetTicketAsync(1);
        Assert.Equal("Wi-Fi im Büro fällt aus", ticket.Subject);
        Assert.Equal("The SSID vanishes 🙁", ticket.Description);
        Assert.Equal(IntakeChannel.Mail, ticket.Channel);
        Assert.Equal(("Jörg Meier", "joerg@example.com"), (ticket.Reporter.Name, ticket.Reporter.Mail));
        Assert.Equal(("Network", "Wi-Fi"), (ticket.Category, ticket.Subcategory));
        Assert.Contains(ticket.Journal, j => j.Action == "note" && j.Actor == "joerg@example.com"
            && j.Reason == "RE: [TKT0000001] Logged\n\nStill gone.");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_inbox.FullName, "processed")).Length);
    }

    [Fact]
    public async Task Poll_BodyLongerThanATicketHolds_IsKeptWholeAcrossDescriptionAndNotes()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting, $"--Plugins:Mail:Folder={_inbox.FullName}");
        var channel = Assert.Single(host.Engine.Plugins.IntakeChannels);
        var body = string.Join("\n", Enumerable.Range(1, 8000).Select(i => $"{i:D5} kernel: eth0 link down 🔌"));
        Drop("1.eml", "Switch log", body, "noc@example.com");

        var report = await channel.PollAsync(new PluginTicketSink(host.Engine, "mail"), default);

        Assert.Equal(1, report.Opened);
        var ticket = await host.GetTicketAsync(1);
        var continued = ticket.Journal.Where(j => j.Action == "note").Select(j => j.Reason).ToList();
        Assert.Equal(2, continued.Count);
        Assert.StartsWith("description, continued (2 of 3):\n", continued[0]);
        var whole = ticket.Description + string.Concat(continued.Select(c => c[(c.IndexOf('\n') + 1)..]));
        Assert.Equal(body.ReplaceLineEndings("\n"), whole.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task HostedPolling_IntervalPasses_PollsTheFolderAndLogsWhatItDid()
    {
        var logs = new RecordingLogger("Workflow.Host.Plugins");
        var polled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        logs.Logged += line =>
        {
            if (line.StartsWith("Intake mail:", StringComparison.Ordinal))
            {
                polled.TrySetResult(line);
            }
        };
        await using var host = await TestHost.StartAsync(
            logs,
            ShippedPlugins.Setting,
            $"--Plugins:Mail:Folder={_inbox.FullName}",
            "--Engine:IntakePollSeconds=60");
        Drop("1.eml", "Printer jams", "Floor 2", "ann@example.com");

        var beforeInterval = (await host.CountStoredAsync()).Tickets;
        host.Clock.Advance(TimeSpan.FromSeconds(60));
        var line = await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, beforeInterval);
        Assert.Equal("Intake mail: 1 opened, 0 threaded, 0 set aside", line);
        Assert.Equal(1, (await host.CountStoredAsync()).Tickets);
    }

    private void Drop(string name, string subject, string body, string from)
    {
        var raw = $"From: {from}\r\nTo: desk@example.com\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
            + $"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n";
        File.WriteAllText(Path.Combine(_inbox.FullName, name), raw, new UTF8Encoding(false));
    }
}
