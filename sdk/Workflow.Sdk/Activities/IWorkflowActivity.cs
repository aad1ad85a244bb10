namespace Workflow.Sdk.Activities;

/// <summary>
/// A kind of workflow node a plugin adds. It holds no per-ticket state: one instance serves every workflow at
/// once, from several threads, so implementations must be thread-safe.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>What the designer's palette and properties panel show; its type name must be unique.</summary>
    ActivityDescription Description { get; }

    /// <summary>Runs one node of this type and names the outcome the workflow follows.</summary>
    /// <param name="invocation">The ticket as it stands, the node's inputs and the step's time.</param>
    /// <returns>One of <see cref="ActivityDescription.Outcomes"/>, with an optional note for the journal.</returns>
    /// <exception cref="ActivityInputException">An input is missing or invalid; the step is refused.</exception>
    ActivityOutcome Execute(ActivityInvocation invocation);
}
