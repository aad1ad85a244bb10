namespace Workflow.Engine.Sla;

/// <summary>What happens to a ticket when one of its SLA clocks reaches a warning or a breach.</summary>
public enum EscalationAction
{
    /// <summary>A message leaves through the outbox to whoever listens for it (mail, chat, webhooks).</summary>
    Notify,

    /// <summary>The ticket moves one level up its priority scheme.</summary>
    RaisePriority,

    /// <summary>The ticket goes to the next support tier after its current group.</summary>
    Reassign,
}
