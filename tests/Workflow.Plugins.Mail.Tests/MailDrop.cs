using System.Text;

namespace Workflow.Plugins.Mail.Tests;

/// <summary>A temporary inbox folder the tests drop raw message files into. Disposing deletes it.</summary>
internal sealed class MailDrop : IDisposable
{
    public string Inbox { get; } = Path.Combine(Path.GetTempPath(), $"mail-{Guid.NewGuid():N}");

    public string Processed => Path.Combine(Inbox, "processed");

    public string Failed => Path.Combine(Inbox, "failed");

    public MailDrop() => Directory.CreateDirectory(Inbox);

    internal MailFolder Folder(int maxAttempts = MailFolder.DefaultMaxAttempts) =>
        new(Inbox, Processed, Failed, maxAttempts);

    /// <summary>Writes a message with CRLF line ends, as mail travels, in UTF-8.</summary>
    public string Drop(string name, string raw, string? folder = null)
    {
        var directory = folder is null ? Inbox : Path.Combine(Inbox, folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, raw.Replace("\r\n", "\n").Replace("\n", "\r\n"), new UTF8Encoding(false));
        return path;
    }

    public static string Message(string subject, string body, string from = "Ann Smith <ann@example.com>") =>
        $"""
        From: {from}
        To: desk@example.com
        Subject: {subject}
        Date: Fri, 04 Dec 2026 09:00:00 +0100
        Message-ID: <{Guid.NewGuid():N}@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {body}
        """;

    public void Dispose() => Directory.Delete(Inbox, recursive: true);
}
