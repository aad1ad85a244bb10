namespace Workflow.Engine.Jobs;

/// <summary>What firing a timer bookmark came to.</summary>
public enum TimerFiring
{
    /// <summary>The bookmark was resumed with <c>elapsed</c> and the step committed.</summary>
    Fired,

    /// <summary>The bookmark is no longer pending: it fired before, or the ticket moved on.</summary>
    Gone,

    /// <summary>The bookmark is pending but not due yet.</summary>
    NotDue,
}
