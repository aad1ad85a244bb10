using System.Text.Json;
using Workflow.Engine.Storage;

namespace Workflow.Host.Api;

/// <summary>One stored version of a workflow; <see cref="Document"/> is null in a history list.</summary>
internal sealed record WorkflowVersionView(
    string Id,
    int Version,
    DefinitionStatus Status,
    int Revision,
    string? Name,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    JsonElement? Document)
{
    public static WorkflowVersionView From(WorkflowDefinitionRecord record, bool withDocument)
    {
        using var json = JsonDocument.Parse(record.Json);
        var name = json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        return new WorkflowVersionView(
            record.DefinitionId, record.Version, record.Status, record.Revision, name, record.CreatedBy,
            record.CreatedAt, record.PublishedAt, withDocument ? json.RootElement.Clone() : null);
    }
}

/// <summary>A workflow: its newest published version and its draft, if either exists.</summary>
internal sealed record WorkflowDefinitionView(string Id, WorkflowVersionView? Published, WorkflowVersionView? Draft);

/// <summary>What validating a workflow document found; an empty list means it can be published.</summary>
internal sealed record WorkflowValidationView(bool Valid, IReadOnlyList<FieldErrorView> Errors);

/// <summary>How many unfinished tickets stand at one node of one version.</summary>
internal sealed record NodeCountView(int Version, string Node, int Tickets);

/// <summary>
/// One problem, named by its JSON path; a problem in C# (<c>nodes[2].inputs.condition</c>) also gives the line and
/// column within that input's text.
/// </summary>
internal sealed record FieldErrorView(string Field, string Message, int? Line = null, int? Column = null);
