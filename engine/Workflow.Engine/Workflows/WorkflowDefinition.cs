using System.Text.Json;
using Workflow.Engine.Sla;
using Workflow.Engine.Scripting;

namespace Workflow.Engine.Workflows;

/// <summary>A parsed, validated workflow: nodes, the connections between their outcomes, and where it starts.</summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, NodeDefinition> _nodes;
    private readonly Dictionary<(string From, string Outcome), string> _next;

    internal WorkflowDefinition(
        string id,
        string name,
        string start,
        IReadOnlyList<NodeDefinition> nodes,
        IReadOnlyList<Connection> connections,
        SlaOverride? sla = null,
        IReadOnlyList<ScriptSource>? scripts = null)
    {
        Sla = sla;
        Id = id;
        Name = name;
        Start = start;
        Nodes = nodes;
        Connections = connections;
        _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _next = connections.ToDictionary(c => (c.From, c.Outcome), c => c.To);
        ScriptSources = scripts ?? [];

        // Built on first use, so a draft that is only validated never loads an assembly; a published version is
        // cached by the store, so its scripts are built once per version.
        _scripts = new Lazy<CompiledScripts>(() => WorkflowScriptCompiler.Compile($"{id}", ScriptSources));
    }

    private readonly Lazy<CompiledScripts> _scripts;

    /// <summary>The nodes' C# inputs, as their authors wrote them.</summary>
    public IReadOnlyList<ScriptSource> ScriptSources { get; }

    /// <summary>The nodes' C# inputs, compiled on first use.</summary>
    public CompiledScripts Scripts => _scripts.Value;

    public string Id { get; }

    public string Name { get; }

    public string Start { get; }

    public IReadOnlyList<NodeDefinition> Nodes { get; }

    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>The SLA escalation this workflow states for its tickets; null leaves all of it to the policy.</summary>
    public SlaOverride? Sla { get; }

    public NodeDefinition Node(string id) =>
        _nodes.TryGetValue(id, out var node)
            ? node
            : throw new WorkflowException($"Workflow '{Id}' has no node '{id}'.");

    public bool TryNode(string id, out NodeDefinition node) => _nodes.TryGetValue(id, out node!);

    public string? Next(string from, string outcome) => _next.GetValueOrDefault((from, outcome));
}

/// <summary>One activity in a workflow, with the inputs the process owner set on it.</summary>
public sealed record NodeDefinition(
    string Id,
    string Type,
    IReadOnlyDictionary<string, JsonElement> Inputs,
    NodePosition? Position)
{
    // Inputs never change after parsing, so each one is read from JSON once and then served from here.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object?> _read = new();

    public string? Text(string input) => (string?)_read.GetOrAdd(input, ReadText, Inputs);

    /// <summary>True when the input is the JSON literal <c>true</c>.</summary>
    public bool Flag(string input) => Inputs.TryGetValue(input, out var value) && value.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> List(string input) =>
        (IReadOnlyList<string>)_read.GetOrAdd("[]" + input, ReadList, Inputs)!;

    private static object? ReadText(string input, IReadOnlyDictionary<string, JsonElement> inputs) =>
        inputs.TryGetValue(input, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static object ReadList(string key, IReadOnlyDictionary<string, JsonElement> inputs) =>
        inputs.TryGetValue(key[2..], out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : Array.Empty<string>();
}

/// <summary>Where the designer draws a node.</summary>
public sealed record NodePosition(double X, double Y);

/// <summary>Leads from a node's named outcome to the next node.</summary>
public sealed record Connection(string From, string Outcome, string To);
