using System.Text.Json;

namespace Workflow.Host.Api;

/// <summary>
/// The shape of a workflow document, for the OpenAPI document only: the API stores the JSON exactly as sent,
/// so a draft may be incomplete, and the engine's parser is what judges it.
/// </summary>
internal sealed record WorkflowDocumentSchema(
    string Id,
    string Name,
    string Start,
    IReadOnlyList<WorkflowNodeSchema> Nodes,
    IReadOnlyList<WorkflowConnectionSchema> Connections);

/// <summary>A node: its activity type, the inputs the activity's input schema describes, and its position.</summary>
internal sealed record WorkflowNodeSchema(
    string Id,
    string Type,
    IReadOnlyDictionary<string, JsonElement>? Inputs,
    WorkflowPositionSchema? Position);

/// <summary>Where the designer draws a node.</summary>
internal sealed record WorkflowPositionSchema(double X, double Y);

/// <summary>Leads from a node's named outcome to the next node.</summary>
internal sealed record WorkflowConnectionSchema(string From, string Outcome, string To);
