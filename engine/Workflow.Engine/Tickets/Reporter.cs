namespace Workflow.Engine.Tickets;

/// <summary>Who reported a disruption and how to reach them.</summary>
public sealed record Reporter
{
    public string? Name { get; init; }

    public string? UserName { get; init; }

    public string? Mail { get; init; }

    public string? Phone { get; init; }

    public string? Department { get; init; }

    public string? Location { get; init; }
}
