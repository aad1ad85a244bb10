using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Mail;

/// <summary>
/// Where mail waits and where it goes once handled. A folder with a <c>new</c> subfolder is read as a Maildir
/// (<c>new</c> and <c>cur</c>); otherwise its <c>.eml</c> files are read.
/// </summary>
internal sealed record MailFolder(string Inbox, string Processed, string Failed, int MaxAttempts)
{
    public const int DefaultMaxAttempts = 3;

    public static MailFolder Read(PluginContext context)
    {
        var inbox = Path.GetFullPath(context.Required("Folder"));
        var attempts = context.Optional("MaxAttempts", $"{DefaultMaxAttempts}");
        if (!int.TryParse(attempts, out var max) || max < 1)
        {
            throw new PluginSettingException("MaxAttempts", $"'{attempts}' is not a whole number of at least 1.");
        }

        return new MailFolder(
            inbox,
            Path.GetFullPath(context.Optional("ProcessedFolder", Path.Combine(inbox, "processed"))),
            Path.GetFullPath(context.Optional("FailedFolder", Path.Combine(inbox, "failed"))),
            max);
    }

    /// <summary>The messages waiting now, by file name (a Maildir name starts with its delivery time).</summary>
    public IReadOnlyList<string> Waiting()
    {
        if (!Directory.Exists(Inbox))
        {
            return [];
        }

        var maildir = Path.Combine(Inbox, "new");
        var files = Directory.Exists(maildir)
            ? Directory.GetFiles(maildir).Concat(Existing(Path.Combine(Inbox, "cur")))
            : Directory.GetFiles(Inbox, "*.eml");
        return [.. files.OrderBy(Path.GetFileName, StringComparer.Ordinal)];
    }

    /// <summary>Moves a handled message out of the inbox, keeping its name unless it is taken.</summary>
    public string MoveTo(string folder, string file)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-{n}{Path.GetExtension(file)}");
        }

        File.Move(file, target);
        return target;
    }

    private static IEnumerable<string> Existing(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
}
