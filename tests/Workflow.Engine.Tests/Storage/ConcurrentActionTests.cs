using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Storage.StorageScenario;

namespace Workflow.Engine.Tests.Storage;

public sealed class ConcurrentActionTests
{
    [SkippableTheory, StorageProviders]
    public async Task ActAsync_TwoActionsOnOneTicketAtOnce_OneCommitsAndTheOtherConflicts(string provider)
    {
        var (clock, barrier) = (Clock(), new SaveChangesBarrierInterceptor());
        await using var test = await TestEngine.StartAsync(provider, clock, [barrier]);
        var id = await LogAndActAsync(test.Engine, clock);
        var acknowledge = Act("acknowledge");
        var hold = Act("hold") with { HoldReason = HoldReason.AwaitingCaller };

        // Both actions load the ticket, then wait at the barrier until the other has loaded it too.
        barrier.Arm(saves: 2);
        clock.Advance(StepGap);
        var outcomes = await Task.WhenAll(
            Task.Run(() => AttemptAsync(test.Engine, id, acknowledge)),
            Task.Run(() => AttemptAsync(test.Engine, id, hold)));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        var winner = Assert.Single(outcomes, o => o.Failure is null).Action;
        var loser = Assert.Single(outcomes, o => o.Failure is not null);
        Assert.Equal(2, barrier.Arrived);
        Assert.Equal(winner == acknowledge ? TicketState.InProgress : TicketState.OnHold, ticket.State);
        Assert.Equal(winner == acknowledge ? "working" : "onHold", instance.CurrentNodeId);
        Assert.Equal(["created", "prioritise", winner.Outcome], ticket.Journal.Select(j => j.Action));
        Assert.Equal(3, ticket.JournalLength);
        Assert.True(
            loser.Failure is WorkflowConflictException,
            $"The losing '{loser.Action.Outcome}' should fail with a WorkflowConflictException, not {loser.Failure}");
    }

    private static async Task<(TaskAction Action, Exception? Failure)> AttemptAsync(
        WorkflowEngine engine,
        long ticketId,
        TaskAction action)
    {
        var failure = await Record.ExceptionAsync(() => engine.Tickets.ActAsync(ticketId, action));
        return (action, failure);
    }
}
