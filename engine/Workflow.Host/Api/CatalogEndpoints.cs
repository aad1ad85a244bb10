using System.Text.Json.Nodes;
using Workflow.Engine;
using Workflow.Engine.Workflows.Activities;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// What the designer's palette and properties panel show: every activity with its inputs, both as a list and as
/// a JSON Schema the properties panel can validate a node's <c>inputs</c> against.
/// </summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (WorkflowEngine engine) => Results.Ok(engine.Catalog.Descriptors
                .OrderBy(d => d.Type, StringComparer.Ordinal)
                .Select(ActivityView.From)
                .ToList()))
            .WithTags("Workflows")
            .WithSummary("The activity catalog: each activity's stage, outcomes, inputs and the inputs' JSON Schema.")
            .RequireAuthorization(Policies.Agent)
            .Produces<IReadOnlyList<ActivityView>>().ApiProblems();
    }
}

/// <summary>One activity of the palette.</summary>
internal sealed record ActivityView(
    string Type,
    string DisplayName,
    string Stage,
    string Description,
    bool Blocks,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<InputDescriptor> Inputs,
    JsonObject InputSchema)
{
    public static ActivityView From(ActivityDescriptor d) => new(
        d.Type, d.DisplayName, d.Stage, d.Description, d.Blocks, d.Outcomes, d.Inputs, Schema(d.Inputs));

    /// <summary>A JSON Schema (draft 2020-12) for a node's <c>inputs</c> object.</summary>
    private static JsonObject Schema(IReadOnlyList<InputDescriptor> inputs)
    {
        var properties = new JsonObject();
        foreach (var input in inputs)
        {
            var property = input.Kind switch
            {
                "list" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                "boolean" => new JsonObject { ["type"] = "boolean" },
                "duration" => new JsonObject { ["type"] = "string", ["format"] = "duration" },

                // The designer shows its C# editor for the csharp format; the kind says what the code must be.
                InputKinds.Condition or InputKinds.Script => new JsonObject
                {
                    ["type"] = "string",
                    ["format"] = "csharp",
                    ["x-csharp"] = input.Kind == InputKinds.Condition ? "condition" : "statements",
                },
                _ => new JsonObject { ["type"] = "string" },
            };
            if (input.Choices is { Count: > 0 } choices)
            {
                property["enum"] = new JsonArray([.. choices.Select(c => (JsonNode)JsonValue.Create(c))]);
            }

            property["description"] = input.Description;
            properties[input.Name] = property;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. inputs.Where(i => i.Required).Select(i => (JsonNode)JsonValue.Create(i.Name))]),
            ["additionalProperties"] = false,
        };
    }
}
