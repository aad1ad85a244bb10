namespace Workflow.Sdk.Tickets;

/// <summary>
/// What a reported disruption turns out to be once it has been identified.
/// </summary>
public enum TicketKind
{
    /// <summary>An unplanned interruption or degradation of a service.</summary>
    Incident,

    /// <summary>A request for something new or changed (access, equipment, information).</summary>
    ServiceRequest,
}
