using MimeKit;
using MimeKit.IO;
using Workflow.Sdk.Intake;

namespace Workflow.Plugins.Mail;

/// <summary>What intake needs from one message: sender, decoded subject, readable body, attachments.</summary>
internal sealed record ReceivedMail(
    string SenderName,
    string SenderAddress,
    string Subject,
    string Body,
    IReadOnlyList<AttachmentInfo> Attachments)
{
    /// <summary>Reads a message file.</summary>
    /// <exception cref="UnreadableMailException">Intake cannot use the file; the message says why.</exception>
    public static ReceivedMail Read(string path)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(path);
        }
        catch (FormatException ex)
        {
            throw new UnreadableMailException($"it is not a MIME message: {ex.Message}");
        }

        var sender = message.From.Mailboxes.FirstOrDefault()
            ?? throw new UnreadableMailException("it has no sender (From) address.");
        var subject = message.Subject?.Trim();
        var body = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.From(html) : "");

        return new ReceivedMail(
            string.IsNullOrWhiteSpace(sender.Name) ? sender.Address : sender.Name.Trim(),
            sender.Address,
            string.IsNullOrEmpty(subject) ? "(no subject)" : subject,
            body.Trim(),
            [.. message.Attachments.Select(Describe)]);
    }

    private static AttachmentInfo Describe(MimeEntity entity)
    {
        using var measure = new MeasuringStream();
        string name;
        if (entity is MessagePart attached)
        {
            attached.Message?.WriteTo(measure);
            name = entity.ContentDisposition?.FileName ?? attached.Message?.Subject ?? "message.eml";
        }
        else
        {
            var part = (MimePart)entity;
            part.Content?.DecodeTo(measure);
            name = part.FileName ?? "unnamed";
        }

        return new AttachmentInfo(name, entity.ContentType.MimeType, measure.Length);
    }
}

/// <summary>A message intake cannot use; it is set aside with this reason.</summary>
internal sealed class UnreadableMailException(string reason) : Exception(reason);
