using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Jobs;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Jobs;

/// <summary>Tickets for the sweep tests: a Medium incident on Monday 2 March 2026, 09:00 UTC.</summary>
internal static class SweepScenario
{
    public const string Agent = "agent.bo";

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Monday);

    /// <summary>Impact 2 and urgency 2: Medium on the service-desk matrix, 20 office hours to resolve.</summary>
    public static TicketDetails Medium() => new()
    {
        Kind = TicketKind.Incident,
        Channel = IntakeChannel.Phone,
        Reporter = new Reporter { Name = "Anna de Vries" },
        Subject = "Shared drive is slow",
        OccurredAt = Monday,
        ReportedAt = Monday,
        Impact = "2",
        Urgency = "2",
        AssignmentGroup = "Network desk",
    };

    /// <summary>Logs a Medium ticket and acknowledges it, so only the resolution clock runs.</summary>
    public static async Task<long> AcknowledgedAsync(WorkflowEngine engine)
    {
        var ticket = await engine.Tickets.CreateAsync(Medium(), Agent);
        await engine.Tickets.ActAsync(ticket.Id, new TaskAction("acknowledge", Agent));
        return ticket.Id;
    }

    /// <summary>Plans a sweep and runs each of its batches once.</summary>
    public static async Task<SweepResult> SweepAsync(WorkflowEngine engine, long run, int batchSize = 100)
    {
        var total = SweepResult.None;
        foreach (var batch in await engine.Sweeper.PlanAsync(run, batchSize))
        {
            total = total.Plus(await engine.Sweeper.RunAsync(batch));
        }

        return total;
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>What the last sweep recorded for the ticket; null when no sweep has evaluated it.</summary>
    public static async Task<TicketSweep?> SweptAsync(WorkflowEngine engine, long id)
    {
        await using var db = engine.Contexts.Create();
        return await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.TicketId == id);
    }

    public static async Task<Ticket> StoredAsync(WorkflowEngine engine, long id) =>
        (await engine.Tickets.GetAsync(id))?.Ticket ?? throw new InvalidOperationException($"No ticket {id}.");
}
