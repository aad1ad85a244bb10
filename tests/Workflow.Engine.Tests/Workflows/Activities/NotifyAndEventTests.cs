using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Testing;
using static Workflow.Engine.Tests.Storage.StorageScenario;
using static Workflow.Engine.Tests.Workflows.Activities.ActivityScenario;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows.Activities;

/// <summary>
/// The default workflow replaced by: notify the desk, wait for the vendor's reply, notify again, then a task.
/// </summary>
public sealed class NotifyAndEventTests
{
    private static string VendorWorkflow() => Document(
        WorkflowDefinitionStore.DefaultId,
        "tell",
        new JsonArray(
            Node("tell", "notify", Inputs(("channel", "mail"), ("recipient", "desk@example.com"),
                ("message", "A ticket waits for the vendor"))),
            Node("vendor", "waitForEvent", Inputs(("event", "vendor-replied"))),
            Node("tell-again", "notify", Inputs(("channel", "teams"), ("message", "The vendor replied"))),
            Task("work", "finish"),
            Node("end", "end")),
        new JsonArray(
            Link("tell", "done", "vendor"),
            Link("vendor", "received", "tell-again"),
            Link("tell-again", "done", "work"),
            Link("work", "finish", "end"))).ToJsonString();

    private static async Task PublishAsync(WorkflowEngine engine)
    {
        await engine.Definitions.SaveDraftAsync(WorkflowDefinitionStore.DefaultId, VendorWorkflow(), "owner", null);
        await engine.Definitions.PublishAsync(WorkflowDefinitionStore.DefaultId);
    }

    private static async Task<List<Engine.Jobs.OutboxMessage>> OutboxAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [SkippableTheory, StorageProviders]
    public async Task CreateAsync_WorkflowThatNotifies_WritesOneOutboxMessageWithTheTicketInTheSameStep(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, Clock());
        await PublishAsync(test.Engine);

        var ticket = await test.Engine.Tickets.CreateAsync(Details(), Agent);

        var message = Assert.Single(await OutboxAsync(test.Engine));
        Assert.Equal(NotifyActivity.Kind, message.Kind);
        Assert.Equal(ticket.Id, message.TicketId);
        Assert.Matches("^notify:[0-9a-f]{32}:0:tell:0$", message.IdempotencyKey);
        var payload = JsonDocument.Parse(message.Payload).RootElement;
        Assert.Equal("desk@example.com", payload.GetProperty("recipient").GetString());
        Assert.Equal(ticket.Number, payload.GetProperty("number").GetString());
        var stored = await test.Engine.Tickets.GetAsync(ticket.Id);
        Assert.Equal("vendor", stored!.Value.Instance.CurrentNodeId);
        Assert.Equal(BookmarkRequest.Event, stored.Value.Instance.BookmarkKind);
    }

    [SkippableTheory, StorageProviders]
    public async Task SignalAsync_TheAwaitedEvent_ResumesTheWorkflowAndNotifiesUnderANewKey(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, Clock());
        await PublishAsync(test.Engine);
        var ticket = await test.Engine.Tickets.CreateAsync(Details(), Agent);

        await test.Engine.Tickets.SignalAsync(ticket.Id, "vendor-replied", "vendor.gateway", "case 4711 answered");

        var stored = await test.Engine.Tickets.GetAsync(ticket.Id);
        Assert.Equal("work", stored!.Value.Instance.CurrentNodeId);
        var messages = await OutboxAsync(test.Engine);
        Assert.Equal(["tell", "tell-again"], messages.Select(m => JsonDocument.Parse(m.Payload)
            .RootElement.GetProperty("node").GetString()));
        Assert.Equal(2, messages.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Contains(stored.Value.Ticket.Journal, e => e.Actor == "vendor.gateway"
            && e.Action == "waitForEvent" && e.Reason.Contains("case 4711 answered"));
    }

    [SkippableTheory, StorageProviders]
    public async Task SignalAsync_AnotherEvent_IsAConflictAndChangesNothing(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, Clock());
        await PublishAsync(test.Engine);
        var ticket = await test.Engine.Tickets.CreateAsync(Details(), Agent);

        var ex = await Assert.ThrowsAsync<WorkflowConflictException>(
            () => test.Engine.Tickets.SignalAsync(ticket.Id, "change-closed", Agent, null));

        Assert.Contains("waits for the event 'vendor-replied'", ex.Message);
        var stored = await test.Engine.Tickets.GetAsync(ticket.Id);
        Assert.Equal("vendor", stored!.Value.Instance.CurrentNodeId);
        Assert.Single(await OutboxAsync(test.Engine));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_PersonTakingTheEventsOutcome_IsRefused(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, Clock());
        await PublishAsync(test.Engine);
        var ticket = await test.Engine.Tickets.CreateAsync(Details(), Agent);

        var ex = await Assert.ThrowsAsync<ValidationException>(
            () => test.Engine.Tickets.ActAsync(ticket.Id, new TaskAction("received", Agent)));

        Assert.Contains("waits for the event 'vendor-replied'", Assert.Single(ex.Errors).Message);
    }
}
