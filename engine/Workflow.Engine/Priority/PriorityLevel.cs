namespace Workflow.Engine.Priority;

/// <summary>One value of a scale (impact, urgency or priority): a short code, a name and what it means.</summary>
public sealed record PriorityLevel(string Code, string Name, string? Description = null)
{
    /// <summary>The label ServiceNow-style exports use, for example <c>2 - Medium</c>.</summary>
    public string Label => $"{Code} - {Name}";
}
