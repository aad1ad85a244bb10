using System.Text;
using Workflow.Sdk.Intake;

namespace Workflow.Plugins.Mail.Tests;

public sealed class MailIntakeTests : IDisposable
{
    private readonly MailDrop _drop = new();
    private readonly RecordingSink _sink = new();

    public void Dispose() => _drop.Dispose();

    [Fact]
    public async Task Poll_NewMessage_OpensTicketWithReporterFromSenderAndMovesItToProcessed()
    {
        _drop.Drop("001.eml", MailDrop.Message("Printer on floor 2 jams", "Every second page."));

        var report = await PollAsync();

        var (number, ticket) = Assert.Single(_sink.Opened);
        Assert.Equal("TKT0000001", number);
        Assert.Equal("Printer on floor 2 jams", ticket.Subject);
        Assert.Equal("Every second page.", ticket.Description);
        Assert.Equal("Ann Smith", ticket.ReporterName);
        Assert.Equal("ann@example.com", ticket.ReporterMail);
        Assert.Equal(Sdk.Tickets.IntakeChannel.Mail, ticket.Channel);
        Assert.Equal((1, 0), (report.Opened, report.Threaded));
        Assert.Empty(Directory.GetFiles(_drop.Inbox));
        Assert.True(File.Exists(Path.Combine(_drop.Processed, "001.eml")));
    }

    [Fact]
    public async Task Poll_ReplyWhoseSubjectCarriesTheNumber_ThreadsIntoThatTicket()
    {
        _drop.Drop("001.eml", MailDrop.Message("VPN drops", "Every ten minutes."));
        await PollAsync();
        _drop.Drop("002.eml", MailDrop.Message("RE: [TKT0000001] Logged: VPN drops", "Still happening.", "Bob <bob@example.com>"));

        var report = await PollAsync();

        Assert.Single(_sink.Opened);
        var (number, note) = Assert.Single(_sink.Notes);
        Assert.Equal("TKT0000001", number);
        Assert.Equal("bob@example.com", note.Author);
        Assert.Equal("RE: [TKT0000001] Logged: VPN drops\n\nStill happening.", note.Text);
        Assert.Equal((0, 1), (report.Opened, report.Threaded));
    }

    [Fact]
    public async Task Poll_NumberOfNoKnownTicket_OpensANewTicket()
    {
        _drop.Drop("001.eml", MailDrop.Message("RE: [TKT0000099] old thread", "Hello again."));

        await PollAsync();

        Assert.Equal("RE: [TKT0000099] old thread", Assert.Single(_sink.Opened).Ticket.Subject);
        Assert.Empty(_sink.Notes);
    }

    [Fact]
    public async Task Poll_HtmlOnlyBody_BecomesReadableText()
    {
        var html = "<html><head><title>t</title><style>p { color: red }</style></head><body>"
            + "<p>Dear desk,</p><p>the <b>file&nbsp;share</b> is   full &amp; slow.<br>Steps:</p>"
            + "<ul><li>open S:</li><li>save</li></ul><script>alert(1)</script></body></html>";
        _drop.Drop("001.eml", MailDrop.Message("Share full", html).Replace("text/plain", "text/html"));

        await PollAsync();

        Assert.Equal(
            "Dear desk,\nthe file\u00a0share is full & slow.\nSteps:\n- open S:\n- save",
            Assert.Single(_sink.Opened).Ticket.Description);
    }

    [Fact]
    public async Task Poll_EncodedWordSubjects_AreDecoded()
    {
        var emoji = "Server room 🔥 too hot";
        var encoded = $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(emoji))}?=";
        _drop.Drop("001.eml", MailDrop.Message("=?ISO-8859-1?Q?Drucker_im_2._Stock_st=F6rt?=", "x"));
        _drop.Drop("002.eml", MailDrop.Message(encoded, "y"));

        await PollAsync();

        Assert.Equal(["Drucker im 2. Stock stört", emoji], _sink.Opened.Select(o => o.Ticket.Subject));
    }

    [Fact]
    public async Task Poll_UnicodeBodyWithEmoji_SurvivesIntact()
    {
        var body = "Łódź office: 🖨️ printer says 「紙詰まり」 — 👩🏽‍💻 can't print. Ümlaut ß ✓";
        _drop.Drop("001.eml", MailDrop.Message("Unicode", body));

        await PollAsync();

        Assert.Equal(body, Assert.Single(_sink.Opened).Ticket.Description);
    }

    [Fact]
    public async Task Poll_VeryLongQuotedPrintableBody_IsKeptWhole()
    {
        var body = string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"log line {i:D5}: connection reset by peer ✗"));
        var raw = MailDrop.Message("Long log", QuotedPrintable(body))
            .Replace("Content-Transfer-Encoding: 8bit", "Content-Transfer-Encoding: quoted-printable");
        _drop.Drop("001.eml", raw);

        await PollAsync();

        var description = Assert.Single(_sink.Opened).Ticket.Description!;
        Assert.Equal(body.Length, description.Length);
        Assert.Equal(body, description.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Poll_Attachments_AreRecordedByNameTypeAndSize()
    {
        var png = new byte[1234];
        new Random(7).NextBytes(png);
        var raw = $"""
            From: ann@example.com
            Subject: Screenshot attached
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            See attached.
            --b1
            Content-Type: image/png; name="error.png"
            Content-Disposition: attachment; filename="error.png"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(png, Base64FormattingOptions.InsertLineBreaks)}
            --b1
            Content-Type: text/csv; name="=?UTF-8?Q?m=C3=A9triques.csv?="
            Content-Disposition: attachment; filename*=UTF-8''m%C3%A9triques.csv

            a,b
            1,2
            --b1--
            """;
        _drop.Drop("001.eml", raw);

        await PollAsync();

        // The line break before a boundary belongs to the boundary, so the CSV is "a,b\r\n1,2": 8 bytes.
        var ticket = Assert.Single(_sink.Opened).Ticket;
        Assert.Equal("ann@example.com", ticket.ReporterName);
        Assert.Equal("See attached.", ticket.Description);
        Assert.Equal(
            [new AttachmentInfo("error.png", "image/png", 1234), new AttachmentInfo("métriques.csv", "text/csv", 8)],
            ticket.Attachments);
    }

    [Fact]
    public async Task Poll_FileThatIsNoMessage_IsMovedAsideWithTheReason()
    {
        _drop.Drop("broken.eml", "");
        _drop.Drop("ok.eml", MailDrop.Message("Fine", "fine"));

        var report = await PollAsync();

        var reason = Assert.Single(report.SetAside);
        Assert.StartsWith("broken.eml: it is not a MIME message:", reason);
        Assert.True(File.Exists(Path.Combine(_drop.Failed, "broken.eml")));
        var written = await File.ReadAllTextAsync(Path.Combine(_drop.Failed, "broken.eml.reason.txt"));
        Assert.StartsWith("it is not a MIME message:", written);
        Assert.Single(_sink.Opened);
    }

    [Fact]
    public async Task Poll_MessageWithoutSender_IsMovedAsideWithTheReason()
    {
        _drop.Drop("nosender.eml", "Subject: who am I\r\n\r\nbody\r\n");

        var report = await PollAsync();

        Assert.Equal(["nosender.eml: it has no sender (From) address."], report.SetAside);
        Assert.Empty(_sink.Opened);
    }

    [Fact]
    public async Task Poll_HostRefusesTheTicket_IsMovedAsideWithTheHostsReason()
    {
        _drop.Drop("001.eml", MailDrop.Message("Bad", "body"));
        _sink.BeforeWrite = _ => throw new TicketRefusedException("subject", "holds the control character U+0007.");

        var report = await PollAsync();

        Assert.Equal(["001.eml: subject: holds the control character U+0007."], report.SetAside);
        Assert.True(File.Exists(Path.Combine(_drop.Failed, "001.eml")));
    }

    [Fact]
    public async Task Poll_HostUnavailable_RetriesOnLaterPollsThenSetsAside()
    {
        var path = _drop.Drop("001.eml", MailDrop.Message("Later", "body"));
        _sink.BeforeWrite = _ => throw new IOException("database unreachable");
        var channel = new MailFolderChannel(_drop.Folder(maxAttempts: 3));

        var first = await channel.PollAsync(_sink, CancellationToken.None);
        var second = await channel.PollAsync(_sink, CancellationToken.None);
        var stillWaiting = File.Exists(path);
        var third = await channel.PollAsync(_sink, CancellationToken.None);

        Assert.Empty(first.SetAside);
        Assert.Empty(second.SetAside);
        Assert.True(stillWaiting);
        Assert.Equal(["001.eml: it failed 3 times; last: IOException: database unreachable"], third.SetAside);
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(_drop.Failed, "001.eml")));
    }

    [Fact]
    public async Task Poll_Maildir_ReadsNewAndCurButNotTmp()
    {
        _drop.Drop("1733300000.M1.host", MailDrop.Message("From new", "a"), "new");
        _drop.Drop("1733300001.M2.host:2,S", MailDrop.Message("From cur", "b"), "cur");
        _drop.Drop("1733300002.M3.host", MailDrop.Message("Still being written", "c"), "tmp");

        await PollAsync();

        Assert.Equal(["From new", "From cur"], _sink.Opened.Select(o => o.Ticket.Subject));
        Assert.Single(Directory.GetFiles(Path.Combine(_drop.Inbox, "tmp")));
    }

    private Task<IntakeReport> PollAsync() => new MailFolderChannel(_drop.Folder()).PollAsync(_sink, CancellationToken.None);

    /// <summary>Quoted-printable of UTF-8 text with soft line breaks, as mail clients send long text.</summary>
    private static string QuotedPrintable(string text)
    {
        var output = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var encoded = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(line))
            {
                encoded.Append(b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}");
            }

            var rest = encoded.ToString();
            while (rest.Length > 70)
            {
                var cut = 70;
                while (rest[cut - 1] == '=' || (cut >= 2 && rest[cut - 2] == '='))
                {
                    cut--;
                }

                output.Append(rest[..cut]).Append("=\n");
                rest = rest[cut..];
            }

            output.Append(rest).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }
}
