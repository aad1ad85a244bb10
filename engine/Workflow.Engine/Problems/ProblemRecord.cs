namespace Workflow.Engine.Problems;

/// <summary>Open while its cause is investigated; resolved once the cause is removed.</summary>
public enum ProblemState
{
    Open,
    Resolved,
}

/// <summary>
/// The unknown cause behind one or more incidents. Incidents point at it by <see cref="Number"/> in their
/// <c>ProblemReference</c>, which is journaled like any other field.
/// </summary>
public sealed class ProblemRecord
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public ProblemState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The number incidents refer to.</summary>
    public string Number => NumberOf(Id);

    public static string NumberOf(long id) => $"PRB{id:D7}";
}
