namespace Workflow.Sdk.Rules;

/// <summary>Who reported the ticket, as rules see it. Immutable.</summary>
public sealed record ReporterFact
{
    /// <summary>The reporter's display name, if known.</summary>
    public string? Name { get; init; }

    /// <summary>The reporter's login or directory name, if known.</summary>
    public string? UserName { get; init; }

    /// <summary>The reporter's department, if known (an enricher may look it up).</summary>
    public string? Department { get; init; }

    /// <summary>Where the reporter works, if known.</summary>
    public string? Location { get; init; }

    /// <summary>True for people whose tickets the desk treats first (executives, key customers).</summary>
    public bool Vip { get; init; }
}
