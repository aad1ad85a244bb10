using System.Text.Json.Nodes;
using Workflow.Engine.Catalog;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Sla;
using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows.Activities;

/// <summary>
/// Runs a ticket through a small workflow: the node under test, then a human task per outcome named after the
/// outcome, so where the instance stops shows which way the node went.
/// </summary>
internal static class ActivityScenario
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly PriorityScheme Scheme = PrioritySchemeLoader.Resolve("servicenow-base");

    public static ActivityCatalog Catalog() => ActivityCatalog.BuiltIn(TicketCatalog.Fixed(Scheme, CategoryTree.Default()));

    public static WorkflowParser Parser() => new(new WorkflowDefinitionParser(Catalog()));

    public static WorkflowRuntime Runtime() =>
        new(Catalog(), Scheme, CategoryTree.Default(), sla: new SlaClock(SlaPolicyLoader.Resolve(null)));

    /// <summary>A workflow starting at <paramref name="node"/>; each outcome stops at a task of its name.</summary>
    public static JsonObject Around(JsonObject node, params string[] outcomes)
    {
        var id = (string)node["id"]!;
        var nodes = new JsonArray(node, Node("end", "end"));
        var links = new JsonArray();
        foreach (var outcome in outcomes)
        {
            nodes.Add(Task($"at-{outcome}", "finish"));
            links.Add(Link(id, outcome, $"at-{outcome}"));
            links.Add(Link($"at-{outcome}", "finish", "end"));
        }

        return Document("scenario", id, nodes, links);
    }

    /// <summary>Starts a ticket on the workflow and runs it to its first bookmark.</summary>
    public static WorkflowInstance Run(JsonObject document, TicketDetails? details = null, StepScope? step = null)
    {
        var definition = Parser().Parse(document);
        var ticket = Ticket.Log(details ?? TestTickets.Details(), Now);
        ticket.AppendJournal("agent", "created", "logged by phone", Now);
        var instance = WorkflowInstance.Start(ticket, definition.Id, 1, Now);
        Runtime().Start(definition, instance, Now, step);
        return instance;
    }

    public static JsonObject Inputs(params (string Name, JsonNode? Value)[] inputs) =>
        new(inputs.Select(i => KeyValuePair.Create(i.Name, i.Value)));
}

/// <summary>Parses documents built as JSON objects.</summary>
internal sealed class WorkflowParser(WorkflowDefinitionParser parser)
{
    public WorkflowDefinition Parse(JsonObject document) => parser.Parse(document.ToJsonString());
}
