using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Everything a node may read or change while it runs.</summary>
public sealed class ActivityContext
{
    public required Ticket Ticket { get; init; }

    public required NodeDefinition Node { get; init; }

    public required PriorityScheme PriorityScheme { get; init; }

    public required CategoryTree Categories { get; init; }

    /// <summary>The time the step happens, the same for every node of one step.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The action that resumed the instance in this step, if one did; later nodes read its details.</summary>
    public TaskAction? Action { get; init; }

    public string Actor => Action?.Actor ?? "workflow";
}
