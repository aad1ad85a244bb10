namespace Workflow.Engine.Workflows.Activities;

/// <summary>What a node did: finished with an outcome, or blocked on a bookmark.</summary>
public sealed record ActivityResult
{
    private ActivityResult()
    {
    }

    public string? Outcome { get; private init; }

    public BookmarkRequest? Bookmark { get; private init; }

    public static ActivityResult Done(string outcome) => new() { Outcome = outcome };

    public static ActivityResult Block(BookmarkRequest bookmark) => new() { Bookmark = bookmark };
}

/// <summary>What a blocking node waits for: a person choosing one of the outcomes, a time, or an event.</summary>
public sealed record BookmarkRequest(string Kind, IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt = null)
{
    public const string Task = "task";

    public const string Timer = "timer";

    public const string Event = "event";
}
