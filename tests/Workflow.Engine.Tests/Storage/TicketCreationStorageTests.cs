using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Storage;

public sealed class TicketCreationStorageTests
{
    private static readonly string[] TriageOutcomes =
        ["acknowledge", "hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    [SkippableTheory, StorageProviders]
    public async Task CreateAsync_NewIncident_StoresTicketWaitingAtTriage(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, StorageScenario.Clock());

        var created = await test.Engine.Tickets.CreateAsync(StorageScenario.Details(), StorageScenario.Agent);

        var (ticket, instance) = await StorageScenario.StoredAsync(test.Engine, created.Id);
        Assert.True(created.Id > 0);
        Assert.Equal(TicketState.New, ticket.State);
        Assert.Equal("High", ticket.Priority);
        Assert.Equal("service-desk", ticket.PriorityScheme);
        Assert.Equal("Network desk", ticket.AssignmentGroup);
        Assert.Equal(StorageScenario.Start, ticket.CreatedAt);
        Assert.Equal(WorkflowDefinitionStore.DefaultId, instance.DefinitionId);
        Assert.Equal(1, instance.DefinitionVersion);
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Equal(BookmarkRequest.Task, instance.BookmarkKind);
        Assert.NotNull(instance.BookmarkId);
        Assert.Null(instance.BookmarkDueAt);
        Assert.Equal(TriageOutcomes, instance.PendingOutcomes);
    }

    [SkippableTheory, StorageProviders]
    public async Task CreateAsync_NewIncident_JournalsLoggingAndPrioritisation(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, StorageScenario.Clock());

        var created = await test.Engine.Tickets.CreateAsync(StorageScenario.Details(), StorageScenario.Agent);

        var (ticket, _) = await StorageScenario.StoredAsync(test.Engine, created.Id);
        Assert.Equal(2, ticket.JournalLength);
        Assert.Collection(
            ticket.Journal,
            logged =>
            {
                Assert.Equal(1, logged.Sequence);
                Assert.Equal("created", logged.Action);
                Assert.Equal(StorageScenario.Agent, logged.Actor);
                Assert.Equal("logged through Phone", logged.Reason);
                Assert.Equal(StorageScenario.Start, logged.At);
                Assert.Equal(
                    [
                        new FieldChange("Kind", null, "Incident"),
                        new FieldChange("Channel", null, "Phone"),
                        new FieldChange("State", null, "New"),
                        new FieldChange("Reporter.Name", null, "Anna de Vries"),
                        new FieldChange("Reporter.Mail", null, "anna.devries@example.com"),
                        new FieldChange("Subject", null, "VPN drops every ten minutes"),
                        new FieldChange("OccurredAt", null, "2026-03-02T08:40:00.0000000+00:00"),
                        new FieldChange("ReportedAt", null, "2026-03-02T08:55:00.0000000+00:00"),
                        new FieldChange("Category", null, "Network"),
                        new FieldChange("Subcategory", null, "VPN"),
                        new FieldChange("Impact", null, "2"),
                        new FieldChange("Urgency", null, "1"),
                        new FieldChange("AssignmentGroup", null, "Network desk"),
                    ],
                    logged.Changes);
            },
            prioritised =>
            {
                Assert.Equal(2, prioritised.Sequence);
                Assert.Equal("prioritise", prioritised.Action);
                Assert.Equal("workflow", prioritised.Actor);
                Assert.Equal("workflow incident-default v1, node 'prioritise'", prioritised.Reason);
                Assert.Equal(
                    [
                        new FieldChange("PriorityScheme", null, "service-desk"),
                        new FieldChange("Priority", null, "High"),
                        new FieldChange("SlaPriority", null, "High"),
                        new FieldChange("ResponseWarnAt", null, "2026-03-02T09:17:30.0000000+00:00"),
                        new FieldChange("ResponseDueAt", null, "2026-03-02T09:25:00.0000000+00:00"),
                        new FieldChange("ResponseStage", null, "Running"),
                        new FieldChange("ResolutionWarnAt", null, "2026-03-02T11:55:00.0000000+00:00"),
                        new FieldChange("ResolutionDueAt", null, "2026-03-02T12:55:00.0000000+00:00"),
                        new FieldChange("ResolutionStage", null, "Running"),
                    ],
                    prioritised.Changes);
            });
    }
}
