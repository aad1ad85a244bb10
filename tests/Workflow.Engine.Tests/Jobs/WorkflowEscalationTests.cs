using System.Text.Json.Nodes;
using Workflow.Engine.Jobs;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Jobs;

/// <summary>The sweep escalates each ticket as the workflow version it is pinned to says.</summary>
public sealed class WorkflowEscalationTests
{
    [SkippableTheory, StorageProviders]
    public async Task RunAsync_WorkflowWarnsAtHalfAndOnlyNotifies_FollowsItsOwnVersion(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var onDefault = await AcknowledgedAsync(test.Engine);
        await PublishAsync(test.Engine, new JsonObject
        {
            ["warningShare"] = 0.5,
            ["onBreach"] = new JsonArray("notify"),
        });
        var onOwn = await AcknowledgedAsync(test.Engine);

        // Half of 20 office hours is reached on Tuesday 10:00 in Amsterdam, three quarters only at 15:00.
        clock.Advance(TimeSpan.FromHours(25));
        var warned = await SweepAsync(test.Engine, run: 1);
        clock.Advance(TimeSpan.FromDays(3));
        var breached = await SweepAsync(test.Engine, run: 2);

        var own = await StoredAsync(test.Engine, onOwn);
        var other = await StoredAsync(test.Engine, onDefault);
        Assert.Equal(1, warned.Escalated);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), own.ResolutionWarnAt);
        Assert.Equal(["sla.warning", "sla.breached"], BySweeps(own));
        Assert.Equal(["sla.breached"], BySweeps(other));
        Assert.Equal(2, breached.Escalated);
        Assert.Equal(
            (SlaStage.Breached, "Medium", "Network desk"),
            (own.ResolutionStage, own.Priority, own.AssignmentGroup));
        Assert.Equal(("High", "Service desk"), (other.Priority, other.AssignmentGroup));
        var notices = (await OutboxAsync(test.Engine)).Select(m => (m.TicketId ?? 0, m.Kind));
        Assert.Equal(
            [(onDefault, "sla.breached"), (onOwn, "sla.breached"), (onOwn, "sla.warning")],
            notices.OrderBy(n => n.Kind, StringComparer.Ordinal).ThenBy(n => n.Item1));
    }

    private static IEnumerable<string> BySweeps(Ticket ticket) =>
        ticket.Journal.Where(j => j.Actor == Sweeper.Actor).Select(j => j.Action);

    /// <summary>Publishes version 2 of the default workflow with <paramref name="sla"/> as its section.</summary>
    private static async Task PublishAsync(WorkflowEngine engine, JsonObject sla)
    {
        var document = JsonNode.Parse(WorkflowDefinitionStore.DefaultJson())!;
        document["sla"] = sla;
        await engine.Definitions.SaveDraftAsync(
            WorkflowDefinitionStore.DefaultId,
            document.ToJsonString(),
            "owner.eva",
            expectedRevision: null);
        await engine.Definitions.PublishAsync(WorkflowDefinitionStore.DefaultId);
    }
}
