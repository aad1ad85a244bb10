namespace Workflow.Engine.Sla;

/// <summary>Where one SLA clock of a ticket stands.</summary>
public enum SlaStage
{
    /// <summary>Counting, below the warning share.</summary>
    Running,

    /// <summary>Past the warning share; the warning has been raised.</summary>
    Warning,

    /// <summary>Past the target; the breach has been escalated.</summary>
    Breached,

    /// <summary>Stopped in time: responded to, or resolved, before the target.</summary>
    Met,
}
