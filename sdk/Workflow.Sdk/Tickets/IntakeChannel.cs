namespace Workflow.Sdk.Tickets;

/// <summary>
/// The way a disruption reached the service desk.
/// </summary>
public enum IntakeChannel
{
    /// <summary>A message sent to the service desk's mailbox.</summary>
    Mail,

    /// <summary>A call to the service desk.</summary>
    Phone,

    /// <summary>A form filled in on the self-service portal.</summary>
    Portal,

    /// <summary>Someone came to the desk in person.</summary>
    InPerson,

    /// <summary>An alert raised by a monitoring system.</summary>
    MonitoringAlert,

    /// <summary>An integration that called the HTTP API.</summary>
    Api,

    /// <summary>A record brought in from another tool's export.</summary>
    Import,
}
