namespace Workflow.Sdk.Rules;

/// <summary>Where a ticket stands against its service levels, as rules see it: the worse of its two clocks.</summary>
public enum SlaStatus
{
    /// <summary>No service level applies (no priority with a target), or the engine did not say.</summary>
    None,

    /// <summary>The clocks run within their targets.</summary>
    Running,

    /// <summary>A clock passed the warning share of its target.</summary>
    Warning,

    /// <summary>A clock passed its target.</summary>
    Breached,
}
