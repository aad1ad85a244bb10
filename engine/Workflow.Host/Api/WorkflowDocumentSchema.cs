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
    IReadOnlyList<WorkflowConnectionSchema> Connections,
    WorkflowSlaSchema? Sla = null);

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

/// <summary>
/// The workflow's own SLA escalation: the share of a target at which a warning comes (0 to 1), the actions at a
/// warning and at a breach (<c>notify</c>, <c>raisePriority</c>, <c>reassign</c>) and the support tiers a
/// reassignment climbs. A part left out is taken from the SLA policy.
/// </summary>
internal sealed record WorkflowSlaSchema(
    double? WarningShare,
    IReadOnlyList<string>? OnWarning,
    IReadOnlyList<string>? OnBreach,
    IReadOnlyList<string>? Tiers);
