using System.Text.Json.Nodes;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows;

public sealed class WorkflowDefinitionParserTests
{
    private readonly WorkflowDefinitionParser _parser = new(ActivityCatalog.BuiltIn());

    [Fact]
    public void Parse_DefaultWorkflow_GivesTheShippedGraph()
    {
        var json = WorkflowDefinitionStore.DefaultJson();

        var definition = _parser.Parse(json);

        Assert.Equal(WorkflowDefinitionStore.DefaultId, definition.Id);
        Assert.Equal("identify", definition.Start);
        Assert.Equal(21, definition.Nodes.Count);
        Assert.Equal(43, definition.Connections.Count);
        Assert.Equal("humanTask", definition.Node("triage").Type);
        Assert.Equal("working", definition.Next("acknowledge", "done"));
    }

    [Fact]
    public void Parse_DefaultWorkflow_KeepsNodeInputsAndPositions()
    {
        var json = WorkflowDefinitionStore.DefaultJson();

        var definition = _parser.Parse(json);

        var resolved = definition.Node("resolved");
        Assert.Equal(["close", "reopen"], resolved.List("outcomes"));
        Assert.Equal("Confirm the resolution or reopen; closes by itself after five days", resolved.Text("title"));
        Assert.Equal(new NodePosition(400, 960), resolved.Position);
    }

    [Fact]
    public void Parse_MinimalWorkflow_Parses()
    {
        var json = Minimal().ToJsonString();

        var definition = _parser.Parse(json);

        Assert.Equal([new Connection("task", "done", "end")], definition.Connections);
    }

    [Fact]
    public void Parse_UnknownActivityType_RefusedNamingNodeType()
    {
        var doc = Minimal();
        Nodes(doc)[1]!["type"] = "sendFax";

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("nodes[1].type", "'sendFax' is not a known activity.")], ex.Errors);
    }

    [Fact]
    public void Parse_NodeWithoutType_RefusedNamingNode()
    {
        var doc = Minimal();
        Nodes(doc).Add(new JsonObject { ["id"] = "orphan" });

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("nodes[2]", "a node needs an 'id' and a 'type'.")], ex.Errors);
    }

    [Fact]
    public void Parse_DuplicateNodeId_RefusedNamingTheSecondId()
    {
        var doc = Minimal();
        Nodes(doc).Add(Node("task", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("nodes[2].id", "'task' is used by another node.")], ex.Errors);
    }

    [Fact]
    public void Parse_ConnectionToMissingNode_RefusedNamingConnectionEnd()
    {
        var doc = Minimal();
        Links(doc)[0]!["to"] = "nowhere";

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("connections[0].to", "'nowhere' is not a node.")], ex.Errors);
    }

    [Fact]
    public void Parse_ConnectionFromMissingNode_RefusedNamingConnectionStart()
    {
        var doc = Minimal();
        Links(doc).Add(Link("ghost", "done", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("connections[1].from", "'ghost' is not a node.")], ex.Errors);
    }

    [Fact]
    public void Parse_OutcomeNotDeclaredByNode_RefusedNamingConnectionOutcome()
    {
        var doc = Minimal();
        Links(doc).Add(Link("task", "escalate", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [new FieldError("connections[1].outcome", "'task' has no outcome 'escalate' (it has: done).")],
            ex.Errors);
    }

    [Fact]
    public void Parse_DuplicateConnection_RefusedNamingTheSecondConnection()
    {
        var doc = Minimal();
        Links(doc).Add(Link("task", "done", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("connections[1]", "outcome 'done' of 'task' is connected twice.")], ex.Errors);
    }

    [Fact]
    public void Parse_UnreachableNode_RefusedNamingTheNode()
    {
        var doc = Minimal();
        Nodes(doc).Add(Node("orphan", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        var path = $"nodes[{Nodes(doc).Count - 1}]";
        Assert.Equal([new FieldError(path, "'orphan' cannot be reached from the start.")], ex.Errors);
    }

    [Fact]
    public void Parse_UnconnectedOutcome_RefusedNamingTheNode()
    {
        var doc = Minimal();
        Nodes(doc)[0] = Task("task", "done", "escalate");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("nodes[0]", "outcome 'escalate' of 'task' is not connected.")], ex.Errors);
    }

    [Fact]
    public void Parse_MissingStart_RefusedNamingStart()
    {
        var doc = Minimal();
        doc.Remove("start");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("start", "is required.")], ex.Errors);
    }

    [Fact]
    public void Parse_StartIsNotANode_RefusedNamingStart()
    {
        var doc = Minimal();
        doc["start"] = "begin";

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("start", "'begin' is not a node.")], ex.Errors);
    }

    [Fact]
    public void Parse_MissingIdAndName_RefusedNamingBoth()
    {
        var doc = Minimal();
        doc.Remove("id");
        doc["name"] = " ";

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("id", "is required."), new FieldError("name", "is required.")], ex.Errors);
    }

    [Fact]
    public void Parse_BadJson_RefusedWithLineAndPosition()
    {
        var text = "{\n  \"id\": \"broken\",\n  \"nodes\": [\n    { \"id\": \"a\" \"type\": \"end\" }\n  ]\n}";

        var ex = Assert.Throws<ValidationException>(() => _parser.Parse(text));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$", error.Field);
        Assert.StartsWith("not valid JSON at line 4, position 17:", error.Message);
        Assert.DoesNotContain("Path:", error.Message);
    }

    [Fact]
    public void Parse_HumanTaskWithoutOutcomes_RefusedNamingNodeInputs()
    {
        var doc = Document(
            "no-outcomes",
            "task",
            new JsonArray(Node("task", "humanTask", new JsonObject { ["title"] = "Decide" })),
            new JsonArray());

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [new FieldError("nodes[0].inputs", "input 'outcomes' must list at least one action.")],
            ex.Errors);
    }

    [Fact]
    public void Parse_HumanTaskListingAnOutcomeTwice_RefusedNamingNodeInputs()
    {
        var doc = Minimal();
        Nodes(doc)[0] = Task("task", "done", "done");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal([new FieldError("nodes[0].inputs", "outcome 'done' is listed twice.")], ex.Errors);
    }

    [Fact]
    public void Parse_TransitionWithBadAction_RefusedNamingNodeInputs()
    {
        var doc = WithMiddleNode(Node("act", "transition", new JsonObject { ["action"] = "escalate" }), "done");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [
                new FieldError(
                    "nodes[1].inputs",
                    "input 'action' is 'escalate'; expected one of acknowledge, hold, resume, resolve, close, "
                    + "reopen, cancel."),
            ],
            ex.Errors);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("hold,resume")]
    public void Parse_TransitionWithNumberOrCombinedActions_RefusedNamingNodeInputs(string action)
    {
        var doc = WithMiddleNode(Node("act", "transition", new JsonObject { ["action"] = action }), "done");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [
                new FieldError(
                    "nodes[1].inputs",
                    $"input 'action' is '{action}'; expected one of acknowledge, hold, resume, resolve, close, "
                    + "reopen, cancel."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_TimerWithBadDuration_RefusedNamingNodeInputs()
    {
        var doc = WithMiddleNode(Node("wait", "timer", new JsonObject { ["after"] = "30 minutes" }), "elapsed");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [
                new FieldError(
                    "nodes[1].inputs",
                    "input 'after' is '30 minutes'; expected an ISO 8601 duration such as PT30M, "
                    + "more than zero and at most 3,660 days."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_TimerWithoutDuration_RefusedNamingNodeInputs()
    {
        var doc = WithMiddleNode(Node("wait", "timer"), "elapsed");

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [new FieldError("nodes[1].inputs", "input 'after' is ''; expected an ISO 8601 duration such as PT30M, "
                    + "more than zero and at most 3,660 days.")],
            ex.Errors);
    }

    [Fact]
    public void Parse_IdentifyWithBadKind_RefusedNamingNodeInputs()
    {
        var doc = WithMiddleNode(Node("identify", "identify", new JsonObject { ["kind"] = "problem" }), "incident");
        Links(doc).Add(Link("identify", "serviceRequest", "end"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [new FieldError("nodes[1].inputs", "input 'kind' is 'problem'; expected incident or serviceRequest.")],
            ex.Errors);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAll()
    {
        var doc = Minimal();
        Nodes(doc)[1]!["type"] = "sendFax";
        Links(doc).Add(Link("task", "done", "nowhere"));

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(["nodes[1].type", "connections[1].to"], ex.Errors.Select(e => e.Field));
    }

    private WorkflowDefinition Parse(JsonObject document) => _parser.Parse(document.ToJsonString());

    /// <summary>task --go--> node --outcome--> end, with the node under test at index 1.</summary>
    private static JsonObject WithMiddleNode(JsonObject node, string outcome)
    {
        var id = node["id"]!.GetValue<string>();
        return Document(
            "middle",
            "task",
            new JsonArray(Task("task", "go"), node, Node("end", "end")),
            new JsonArray(Link("task", "go", id), Link(id, outcome, "end")));
    }
}
