namespace Workflow.Engine.Access;

/// <summary>
/// One API key as stored: never the key itself, only its SHA-256 hash, so a copy of the database lets nobody in.
/// </summary>
public sealed class ApiKeyRecord
{
    public long Id { get; set; }

    /// <summary>Who the key belongs to; the journal names actions taken with it by this name.</summary>
    public string Name { get; set; } = "";

    public ApiRole Role { get; set; }

    /// <summary>For a reporter's key, the user name their tickets carry as <c>reporter.userName</c>.</summary>
    public string? UserName { get; set; }

    /// <summary>The SHA-256 hash of the key, in lower-case hex.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }
}
