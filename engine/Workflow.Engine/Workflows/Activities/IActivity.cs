namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// One kind of workflow node. Activities hold no state of their own: everything they need comes through the
/// context, and everything they change goes to the ticket, so one instance serves every workflow at once.
/// </summary>
public interface IActivity
{
    /// <summary>The name definitions use in a node's <c>type</c>.</summary>
    string Type { get; }

    /// <summary>What the designer's palette and properties panel show.</summary>
    ActivityDescriptor Descriptor { get; }

    /// <summary>The outcomes a node of this type can end with, given its inputs.</summary>
    IReadOnlyList<string> OutcomesOf(NodeDefinition node);

    /// <summary>Problems with a node's inputs, found before the workflow is published.</summary>
    IEnumerable<string> Validate(NodeDefinition node) => [];

    ActivityResult Execute(ActivityContext context);

    /// <summary>Continues a node that blocked, with the action that triggered its bookmark.</summary>
    ActivityResult Resume(ActivityContext context) =>
        throw new WorkflowException($"Activity '{Type}' never blocks, so it cannot be resumed.");
}
