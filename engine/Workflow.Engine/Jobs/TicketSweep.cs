namespace Workflow.Engine.Jobs;

/// <summary>
/// What the last sweep evaluated one open ticket with: its run number, when, and the rule-set version. It sits in
/// a narrow table of its own rather than on the ticket, so stamping a batch rewrites small rows and leaves the
/// tickets and their indexes alone. The row is also what a batch locks, so no two workers evaluate a ticket at once.
/// </summary>
public sealed class TicketSweep
{
    public long TicketId { get; private set; }

    /// <summary>Run numbers only grow: a batch whose run is not newer than this one finds nothing to do.</summary>
    public long Run { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Rules { get; private set; } = "";

    private TicketSweep()
    {
    }
}
