using System.Text.Json.Nodes;

namespace Workflow.Engine.Tests.Workflows;

/// <summary>Builds workflow documents in the JSON shape the designer saves.</summary>
internal static class TestDefinitions
{
    public static JsonObject Document(string id, string start, JsonArray nodes, JsonArray connections) => new()
    {
        ["id"] = id,
        ["name"] = $"Workflow {id}",
        ["start"] = start,
        ["nodes"] = nodes,
        ["connections"] = connections,
    };

    /// <summary>A task with one outcome, <c>done</c>, that leads to the end.</summary>
    public static JsonObject Minimal() => Document(
        "minimal",
        "task",
        new JsonArray(Task("task", "done"), Node("end", "end")),
        new JsonArray(Link("task", "done", "end")));

    public static JsonObject Node(string id, string type, JsonObject? inputs = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["inputs"] = inputs ?? new JsonObject(),
        ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 },
    };

    public static JsonObject Task(string id, params string[] outcomes) => Node(
        id,
        "humanTask",
        new JsonObject { ["outcomes"] = new JsonArray([.. outcomes.Select(o => JsonValue.Create(o))]) });

    public static JsonObject Link(string from, string outcome, string to) => new()
    {
        ["from"] = from,
        ["outcome"] = outcome,
        ["to"] = to,
    };

    public static JsonArray Nodes(JsonObject document) => (JsonArray)document["nodes"]!;

    public static JsonArray Links(JsonObject document) => (JsonArray)document["connections"]!;
}
