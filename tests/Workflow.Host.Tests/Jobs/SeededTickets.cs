using Workflow.Engine;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Jobs;

/// <summary>
/// Writes many tickets at once, each run through the default workflow in memory as the service would run it:
/// Medium incidents acknowledged at <c>at</c>, of which the first ones stay in progress (their resolution SLA
/// runs out 20 office hours later) and the rest are resolved at once (their auto-close timer comes due five days
/// later).
/// </summary>
internal static class SeededTickets
{
    public const string Actor = "seed";

    public static async Task<(long[] InProgress, long[] Resolved)> WriteAsync(
        WorkflowEngine engine,
        int inProgress,
        int resolved,
        DateTimeOffset at)
    {
        var (version, definition) = await engine.Definitions.LatestPublishedAsync(WorkflowDefinitionStore.DefaultId);
        var instances = new List<WorkflowInstance>();

        await using (var db = engine.Contexts.Create())
        await using (var writer = await BulkTicketWriter.BeginAsync(db, CancellationToken.None))
        {
            for (var i = 0; i < inProgress + resolved; i++)
            {
                var instance = Run(engine, definition, version, i, at, resolve: i >= inProgress);
                await writer.WriteAsync(instance, CancellationToken.None);
                instances.Add(instance);
            }

            await writer.CommitAsync(CancellationToken.None);
        }

        var ids = instances.Select(i => i.TicketId).ToArray();
        return (ids[..inProgress], ids[inProgress..]);
    }

    private static WorkflowInstance Run(
        WorkflowEngine engine,
        WorkflowDefinition definition,
        int version,
        int number,
        DateTimeOffset at,
        bool resolve)
    {
        var ticket = Ticket.Log(new TicketDetails
        {
            Kind = TicketKind.Incident,
            Channel = IntakeChannel.Phone,
            Reporter = new Reporter { Name = $"Caller {number}" },
            Subject = $"Shared drive is slow ({number})",
            OccurredAt = at,
            ReportedAt = at,
            Impact = "2",
            Urgency = "2",
            AssignmentGroup = "Network desk",
        }, at);
        ticket.AppendJournal(Actor, "created", "seeded", at);

        var instance = WorkflowInstance.Start(ticket, definition.Id, version, at);
        engine.Runtime.Start(definition, instance, at);
        engine.Runtime.Resume(definition, instance, new TaskAction("acknowledge", Actor), at);
        if (resolve)
        {
            engine.Runtime.Resume(definition, instance, new TaskAction("resolve", Actor) { ResolutionCode = "fixed" }, at);
        }

        return instance;
    }
}
