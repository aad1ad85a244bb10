namespace Workflow.Engine.Jobs;

/// <summary>
/// One slice of a sweep: the open tickets with ids from <see cref="FromId"/> to <see cref="ToId"/>, evaluated
/// under run number <see cref="Run"/>. Run numbers only grow, so a batch replayed late never undoes a newer one.
/// </summary>
public sealed record SweepBatch(long Run, long FromId, long ToId);
