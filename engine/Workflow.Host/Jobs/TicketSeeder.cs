using Workflow.Engine;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Jobs;

/// <summary>A ticket to seed: when it was reported, its impact and urgency, whether it is resolved at once.</summary>
internal sealed record SeedTicket(DateTimeOffset At, string Impact, string Urgency, bool Resolve);

/// <summary>
/// Writes many tickets at once for benchmarks and multi-host tests, each run through the default workflow in
/// memory as the service would run it (logged, categorised, prioritised, acknowledged, and resolved when asked),
/// then written with prepared statements in one transaction.
/// </summary>
internal static class TicketSeeder
{
    public const string Actor = "seed";

    /// <returns>The new tickets' ids, in the order given.</returns>
    public static async Task<long[]> WriteAsync(
        WorkflowEngine engine,
        IReadOnlyList<SeedTicket> tickets,
        CancellationToken cancellationToken = default)
    {
        var (version, definition) = await engine.Definitions.LatestPublishedAsync(
            WorkflowDefinitionStore.DefaultId,
            cancellationToken);
        var ids = new long[tickets.Count];

        await using var db = engine.Contexts.Create();
        await using var writer = await BulkTicketWriter.BeginAsync(db, cancellationToken);
        for (var i = 0; i < tickets.Count; i++)
        {
            var instance = Run(engine, definition, version, i, tickets[i]);
            await writer.WriteAsync(instance, cancellationToken);
            ids[i] = instance.TicketId;
        }

        await writer.CommitAsync(cancellationToken);
        return ids;
    }

    private static WorkflowInstance Run(
        WorkflowEngine engine,
        WorkflowDefinition definition,
        int version,
        int number,
        SeedTicket seed)
    {
        var at = seed.At;
        var ticket = Ticket.Log(new TicketDetails
        {
            Kind = TicketKind.Incident,
            Channel = IntakeChannel.Phone,
            Reporter = new Reporter { Name = $"Caller {number}" },
            Subject = $"Shared drive is slow ({number})",
            OccurredAt = at,
            ReportedAt = at,
            Impact = seed.Impact,
            Urgency = seed.Urgency,
            AssignmentGroup = "Network desk",
        }, at);
        ticket.AppendJournal(Actor, "created", "seeded", at);

        var instance = WorkflowInstance.Start(ticket, definition.Id, version, at);
        engine.Runtime.Start(definition, instance, at);
        engine.Runtime.Resume(definition, instance, new TaskAction("acknowledge", Actor), at);
        if (seed.Resolve)
        {
            var resolve = new TaskAction("resolve", Actor) { ResolutionCode = "fixed" };
            engine.Runtime.Resume(definition, instance, resolve, at);
        }

        return instance;
    }
}
