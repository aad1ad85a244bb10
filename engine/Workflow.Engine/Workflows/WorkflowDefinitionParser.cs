using System.Text.Json;
using Workflow.Engine.Scripting;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Workflows;

/// <summary>
/// Turns a workflow's JSON into a <see cref="WorkflowDefinition"/>, refusing it with every problem found, each
/// named by its JSON path (for example <c>nodes[3].type</c>).
/// </summary>
public sealed class WorkflowDefinitionParser(ActivityCatalog catalog)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public WorkflowDefinition Parse(string json)
    {
        WorkflowDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<WorkflowDocument>(json, Options);
        }
        catch (JsonException ex) when (ex.Path is { } path && path.StartsWith("$.sla.", StringComparison.Ordinal)
            && ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            throw new ValidationException(path[2..], "is not a part of the sla section (warningShare, onWarning, "
                + "onBreach, tiers).");
        }
        catch (JsonException ex)
        {
            var where = $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";
            throw new ValidationException("$", $"not valid JSON at {where}: {ex.Message.Split(" Path:")[0]}");
        }

        return Validate(doc ?? new WorkflowDocument());
    }

    private WorkflowDefinition Validate(WorkflowDocument doc)
    {
        var errors = new List<FieldError>();

        Require(errors, "id", doc.Id);
        Require(errors, "name", doc.Name);
        Require(errors, "start", doc.Start);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = Nodes(errors, doc.Nodes ?? [], paths);
        var scripts = Scripts(errors, nodes, paths);
        var connections = Connections(errors, doc.Connections ?? [], nodes);
        var sla = doc.Sla is { } section ? SlaSectionReader.Read(errors, "sla", section) : null;

        if (doc.Start is { } start && nodes.Count > 0 && !nodes.ContainsKey(start))
        {
            errors.Add(new("start", $"'{start}' is not a node."));
        }

        if (errors.Count == 0)
        {
            CheckGraph(errors, doc.Start!, nodes, connections);
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new WorkflowDefinition(
            doc.Id!,
            doc.Name!,
            doc.Start!,
            [.. nodes.Values],
            connections,
            sla,
            scripts);
    }

    private Dictionary<string, NodeDefinition> Nodes(
        List<FieldError> errors,
        List<WorkflowDocument.Node> items,
        Dictionary<string, string> paths)
    {
        var nodes = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"nodes[{i}]";
            if (string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Type))
            {
                errors.Add(new(path, "a node needs an 'id' and a 'type'."));
                continue;
            }

            var position = item.Position is { } p ? new NodePosition(p.X, p.Y) : null;
            var node = new NodeDefinition(item.Id, item.Type, item.Inputs ?? [], position);
            if (!nodes.TryAdd(item.Id, node))
            {
                errors.Add(new($"{path}.id", $"'{item.Id}' is used by another node."));
                continue;
            }

            paths[item.Id] = path;

            if (!catalog.TryGet(item.Type, out var activity))
            {
                errors.Add(new($"{path}.type", $"'{item.Type}' is not a known activity."));
                continue;
            }

            errors.AddRange(activity.Validate(node).Select(message => new FieldError($"{path}.inputs", message)));
        }

        return nodes;
    }

    /// <summary>
    /// The nodes' C# inputs, compiled together as they will run; each problem is reported on its node's input
    /// with the line and column within the author's text.
    /// </summary>
    private List<ScriptSource> Scripts(
        List<FieldError> errors,
        Dictionary<string, NodeDefinition> nodes,
        Dictionary<string, string> paths)
    {
        var scripts = new List<ScriptSource>();
        foreach (var node in nodes.Values)
        {
            if (!catalog.TryGet(node.Type, out var activity))
            {
                continue;
            }

            foreach (var input in activity.Descriptor.Inputs.Where(i => InputKinds.IsCode(i.Kind)))
            {
                if (node.Text(input.Name) is { } text)
                {
                    var kind = input.Kind == InputKinds.Condition ? ScriptKind.Condition : ScriptKind.Statements;
                    scripts.Add(new ScriptSource(node.Id, input.Name, kind, text));
                }
            }
        }

        errors.AddRange(WorkflowScriptCompiler.Check(scripts).Select(e => new FieldError(
            $"{paths[e.NodeId]}.inputs.{e.Input}",
            $"line {e.Line}, column {e.Column}: {e.Message}") { Line = e.Line, Column = e.Column }));
        return scripts;
    }

    private List<Connection> Connections(
        List<FieldError> errors,
        List<WorkflowDocument.Link> items,
        Dictionary<string, NodeDefinition> nodes)
    {
        var connections = new List<Connection>();
        var seen = new HashSet<(string, string)>();

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"connections[{i}]";
            var before = errors.Count;
            CheckEnd(errors, $"{path}.from", item.From, nodes);
            CheckEnd(errors, $"{path}.to", item.To, nodes);
            Require(errors, $"{path}.outcome", item.Outcome);
            if (errors.Count > before)
            {
                continue;
            }

            var from = nodes[item.From!];
            if (catalog.TryGet(from.Type, out var activity) && !activity.OutcomesOf(from).Contains(item.Outcome!))
            {
                var offered = string.Join(", ", activity.OutcomesOf(from));
                errors.Add(new($"{path}.outcome", $"'{from.Id}' has no outcome '{item.Outcome}' (it has: {offered})."));
            }
            else if (!seen.Add((item.From!, item.Outcome!)))
            {
                errors.Add(new(path, $"outcome '{item.Outcome}' of '{item.From}' is connected twice."));
            }
            else
            {
                connections.Add(new Connection(item.From!, item.Outcome!, item.To!));
            }
        }

        return connections;
    }

    /// <summary>
    /// Every node must be reachable from the start, and every outcome must lead somewhere; a route-by-state
    /// node may leave open the states the process never reaches it in.
    /// </summary>
    private void CheckGraph(
        List<FieldError> errors,
        string start,
        Dictionary<string, NodeDefinition> nodes,
        List<Connection> connections)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in connections.Where(c => c.From == id).Select(c => c.To).Where(reached.Add))
            {
                queue.Enqueue(next);
            }
        }

        var index = 0;
        foreach (var node in nodes.Values)
        {
            var path = $"nodes[{index++}]";
            if (!reached.Contains(node.Id))
            {
                errors.Add(new(path, $"'{node.Id}' cannot be reached from the start."));
            }

            if (node.Type == "routeByState")
            {
                continue;
            }

            var open = catalog.Get(node.Type).OutcomesOf(node)
                .Where(o => !connections.Any(c => c.From == node.Id && c.Outcome == o));
            errors.AddRange(open.Select(o => new FieldError(path, $"outcome '{o}' of '{node.Id}' is not connected.")));
        }
    }

    private static void CheckEnd(
        List<FieldError> errors,
        string field,
        string? id,
        Dictionary<string, NodeDefinition> nodes)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(field, "is required."));
        }
        else if (!nodes.ContainsKey(id))
        {
            errors.Add(new(field, $"'{id}' is not a node."));
        }
    }

    private static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required."));
        }
    }
}
