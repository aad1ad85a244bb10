namespace Workflow.Engine.Intake.EventLog;

/// <summary>Counts kept while events are folded into tickets.</summary>
internal sealed class ImportTally
{
    /// <summary>Well-formed events the lifecycle could not follow.</summary>
    public List<RowRejection> Refused { get; } = [];

    /// <summary>Updates recorded after the ticket was closed that change nothing the desk works on.</summary>
    public int AfterClosure { get; set; }

    /// <summary>Field changes recorded at a point where the workflow offers no task to make them.</summary>
    public int EditsNotOffered { get; set; }

    /// <summary>Resolved incidents the export sends back to New; the lifecycle reopens them instead.</summary>
    public int ReopenedAsNew { get; set; }
}
