using System.Text.Json.Nodes;
using Workflow.Engine;
using Workflow.Engine.Workflows.Activities;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// What the designer's palette and properties panel show: every activity with its inputs, both as a list and as
/// a JSON Schema the properties panel can validate a node's <c>inputs</c> against; also the category tree and
/// the priority scheme in force.
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

        app.MapGet("/api/categories", (WorkflowEngine engine) => Results.Ok(new CategoryTreeView(
                [.. engine.Categories.Categories.Select(c =>
                    new CategoryView(c, [.. engine.Categories.SubcategoriesOf(c)]))])))
            .WithTags("Categories")
            .WithSummary("The category tree in force.")
            .Produces<CategoryTreeView>().ApiProblems();

        app.MapGet(
                "/api/priority-scheme",
                (WorkflowEngine engine) => Results.Ok(PrioritySchemeView.From(engine.PriorityScheme)))
            .WithTags("Categories")
            .WithSummary("The priority scheme in force: impacts, urgencies, levels and the matrix.")
            .Produces<PrioritySchemeView>().ApiProblems();
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

/// <summary>The category tree.</summary>
internal sealed record CategoryTreeView(IReadOnlyList<CategoryView> Categories);

/// <summary>A category and its subcategories.</summary>
internal sealed record CategoryView(string Name, IReadOnlyList<string> Subcategories);

/// <summary>A priority scheme: the matrix maps each impact and urgency code to a level code.</summary>
internal sealed record PrioritySchemeView(
    string Id,
    string Name,
    IReadOnlyList<Workflow.Engine.Priority.PriorityLevel> Impacts,
    IReadOnlyList<Workflow.Engine.Priority.PriorityLevel> Urgencies,
    IReadOnlyList<Workflow.Engine.Priority.PriorityLevel> Levels,
    IReadOnlyList<PriorityCellView> Matrix)
{
    public static PrioritySchemeView From(Workflow.Engine.Priority.PriorityScheme s) => new(
        s.Id, s.Name, s.Impacts, s.Urgencies, s.Levels,
        [.. s.Impacts.SelectMany(i => s.Urgencies.Select(u =>
            new PriorityCellView(i.Code, u.Code, s.PriorityFor(i.Code, u.Code).Code)))]);
}

/// <summary>One cell of the matrix.</summary>
internal sealed record PriorityCellView(string Impact, string Urgency, string Priority);
