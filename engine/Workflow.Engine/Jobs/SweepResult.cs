namespace Workflow.Engine.Jobs;

/// <summary>What one sweep batch did.</summary>
/// <param name="Evaluated">
/// Open tickets in the batch not yet evaluated by its run; zero when the batch ran before.
/// </param>
/// <param name="Escalated">Tickets that crossed a warning or a breach and were escalated.</param>
/// <param name="Messages">Outbox messages written.</param>
public sealed record SweepResult(int Evaluated, int Escalated, int Messages)
{
    public static readonly SweepResult None = new(0, 0, 0);

    public SweepResult Plus(SweepResult other) =>
        new(Evaluated + other.Evaluated, Escalated + other.Escalated, Messages + other.Messages);
}
