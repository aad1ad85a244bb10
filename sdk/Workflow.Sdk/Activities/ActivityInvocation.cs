using Workflow.Sdk.Notifications;

namespace Workflow.Sdk.Activities;

/// <summary>What one run of a plugin activity may read. Immutable.</summary>
/// <param name="Ticket">The ticket as it stands before the node runs.</param>
/// <param name="Inputs">The node's inputs as text (lists joined by newlines); absent inputs are missing.</param>
/// <param name="Now">The time of the step, the same for every node of one step.</param>
public sealed record ActivityInvocation(
    TicketSnapshot Ticket,
    IReadOnlyDictionary<string, string> Inputs,
    DateTimeOffset Now);

/// <summary>How a plugin activity ended. Immutable.</summary>
/// <param name="Outcome">One of the activity's outcomes.</param>
/// <param name="Note">Why, for the journal; null when the outcome says it all.</param>
public sealed record ActivityOutcome(string Outcome, string? Note = null);

/// <summary>A node's input is missing or invalid; the message names the input.</summary>
/// <param name="input">The input's name.</param>
/// <param name="reason">What is wrong with it, as a sentence.</param>
public sealed class ActivityInputException(string input, string reason) : Exception($"input '{input}' {reason}")
{
    /// <summary>The input's name.</summary>
    public string Input { get; } = input;
}
