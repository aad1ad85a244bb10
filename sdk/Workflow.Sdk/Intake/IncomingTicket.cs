using Workflow.Sdk.Tickets;

namespace Workflow.Sdk.Intake;

/// <summary>A report an intake channel or endpoint hands to the host. Immutable.</summary>
public sealed record IncomingTicket
{
    /// <summary>How the report arrived.</summary>
    public required IntakeChannel Channel { get; init; }

    /// <summary>The one-line summary; required.</summary>
    public required string Subject { get; init; }

    /// <summary>The full text, kept whole however long.</summary>
    public string? Description { get; init; }

    /// <summary>Incident (the default) or service request.</summary>
    public TicketKind Kind { get; init; } = TicketKind.Incident;

    /// <summary>The reporter's display name, if known.</summary>
    public string? ReporterName { get; init; }

    /// <summary>The reporter's mail address, if known.</summary>
    public string? ReporterMail { get; init; }

    /// <summary>When the disruption began; the time of logging when unknown.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The affected service, if named.</summary>
    public string? AffectedService { get; init; }

    /// <summary>The affected configuration item, if named.</summary>
    public string? ConfigurationItem { get; init; }

    /// <summary>
    /// A key from the source system that identifies this report for ever, as <c>source:id</c>; a second report
    /// with the same key is refused, so a channel can find the ticket again with <see cref="ITicketSink.FindAsync"/>.
    /// </summary>
    public string? ExternalKey { get; init; }

    /// <summary>The urgency, as the installation's priority scheme names it, when the source knows it.</summary>
    public string? Urgency { get; init; }

    /// <summary>The impact, as the installation's priority scheme names it, when the source knows it.</summary>
    public string? Impact { get; init; }

    /// <summary>Files that came with the report; recorded by name, type and size.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}

/// <summary>One file that came with a report or reply. Immutable.</summary>
/// <param name="Name">The file name as sent.</param>
/// <param name="ContentType">The media type, for example <c>image/png</c>.</param>
/// <param name="Size">The decoded size in bytes.</param>
public sealed record AttachmentInfo(string Name, string ContentType, long Size);

/// <summary>A note added to an existing ticket. Immutable.</summary>
/// <param name="Author">Who wrote it (a mail address, a monitoring system).</param>
/// <param name="Text">The note, kept whole.</param>
public sealed record TicketNote(string Author, string Text)
{
    /// <summary>Files that came with the note.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}
