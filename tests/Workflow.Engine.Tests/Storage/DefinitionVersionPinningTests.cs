using System.Text.Json.Nodes;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Storage.StorageScenario;

namespace Workflow.Engine.Tests.Storage;

/// <summary>
/// Version 2 of the default workflow retitles the triage task and no longer offers 'cancel' there, so
/// which version a ticket runs on shows in what its task accepts.
/// </summary>
public sealed class DefinitionVersionPinningTests
{
    private const string OwnerActor = "owner.carla";
    private const string TitleV2 = "Triage: acknowledge, hold or resolve (no cancelling at triage)";

    [SkippableTheory, StorageProviders]
    public async Task CreateAsync_AfterVersion2IsPublished_StartsOnVersion2(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        await PublishVersion2Async(test.Engine);

        var created = await test.Engine.Tickets.CreateAsync(Details(), Agent);

        var (ticket, instance) = await StoredAsync(test.Engine, created.Id);
        Assert.Equal(2, instance.DefinitionVersion);
        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.DoesNotContain("cancel", instance.PendingOutcomes);
        Assert.Equal("workflow incident-default v2, node 'prioritise'", ticket.Journal[^1].Reason);
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_TicketStartedOnVersion1_ResumesOnVersion1AfterVersion2IsPublished(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await LogAndActAsync(test.Engine, clock);
        await PublishVersion2Async(test.Engine);
        var restarted = await test.StartAnotherAsync(clock);

        clock.Advance(StepGap);
        await restarted.Tickets.ActAsync(id, Act("cancel"));

        var (ticket, instance) = await StoredAsync(restarted, id);
        Assert.Equal(1, instance.DefinitionVersion);
        Assert.Equal(TicketState.Cancelled, ticket.State);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("workflow incident-default v1, node 'cancel'", ticket.Journal[^1].Reason);
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_OutcomeVersion2NoLongerOffers_IsRefusedForTicketOnVersion2(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        await PublishVersion2Async(test.Engine);
        var id = await LogAndActAsync(test.Engine, clock);

        clock.Advance(StepGap);
        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => test.Engine.Tickets.ActAsync(id, Act("cancel")));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal("outcome", Assert.Single(refused.Errors).Field);
        Assert.Equal(TicketState.New, ticket.State);
        Assert.Equal("triage", instance.CurrentNodeId);
    }

    [SkippableTheory, StorageProviders]
    public async Task SaveDraftAsync_AfterVersionsArePublished_LeavesThePublishedVersionsUnchanged(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var (definitions, id) = (test.Engine.Definitions, WorkflowDefinitionStore.DefaultId);
        await PublishVersion2Async(test.Engine);
        var published = await definitions.VersionsAsync(id);

        clock.Advance(StepGap);
        var draft = await definitions.SaveDraftAsync(id, Retitled("Draft 3"), OwnerActor, expectedRevision: null);
        await definitions.SaveDraftAsync(id, Retitled("Draft 3b"), OwnerActor, draft.Revision);

        var versions = await definitions.VersionsAsync(id);
        var (latest, _) = await definitions.LatestPublishedAsync(id);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(
            published.Select(Snapshot),
            versions.Where(v => v.Status == DefinitionStatus.Published).Select(Snapshot));
        Assert.Equal(DefinitionStatus.Draft, versions[2].Status);
        Assert.Equal(2, versions[2].Revision);
        Assert.Contains("Draft 3b", versions[2].Json);
        Assert.Equal(2, latest);
    }

    private static async Task PublishVersion2Async(WorkflowEngine engine)
    {
        var draft = await engine.Definitions.SaveDraftAsync(
            WorkflowDefinitionStore.DefaultId,
            WithoutCancelAtTriage(),
            OwnerActor,
            expectedRevision: null);
        var published = await engine.Definitions.PublishAsync(WorkflowDefinitionStore.DefaultId);

        Assert.Equal(2, draft.Version);
        Assert.Equal(2, published.Version);
        Assert.Equal(DefinitionStatus.Published, published.Status);
    }

    private static string WithoutCancelAtTriage()
    {
        var document = JsonNode.Parse(WorkflowDefinitionStore.DefaultJson())!;
        var inputs = Triage(document)["inputs"]!;
        inputs["title"] = TitleV2;
        var outcomes = inputs["outcomes"]!.AsArray();
        outcomes.Remove(outcomes.Single(o => (string?)o == "cancel"));

        var connections = document["connections"]!.AsArray();
        var cancel = connections.Single(c => (string?)c!["from"] == "triage" && (string?)c["outcome"] == "cancel");
        connections.Remove(cancel);
        return document.ToJsonString();
    }

    private static string Retitled(string title)
    {
        var document = JsonNode.Parse(WithoutCancelAtTriage())!;
        Triage(document)["inputs"]!["title"] = title;
        return document.ToJsonString();
    }

    private static JsonNode Triage(JsonNode document) =>
        document["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "triage")!;

    private static (int, DefinitionStatus, string, int, DateTimeOffset?, string) Snapshot(
        WorkflowDefinitionRecord record) =>
        (record.Version, record.Status, record.Json, record.Revision, record.PublishedAt, record.CreatedBy);
}
