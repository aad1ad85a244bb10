namespace Workflow.Sdk.Rules;

/// <summary>An escalation a rule asks for; the recurring sweep carries it out once per ticket and rule.</summary>
public enum EscalationKind
{
    /// <summary>A notice leaves through the outbox to whoever listens (mail, chat, webhooks).</summary>
    Notify,

    /// <summary>The ticket moves one level up its priority scheme, impact and urgency unchanged.</summary>
    RaisePriority,

    /// <summary>The ticket goes to the support tier after its current assignment group.</summary>
    Reassign,

    /// <summary>The urgency goes one step up, and the priority with it as the matrix says.</summary>
    RaiseUrgency,
}
