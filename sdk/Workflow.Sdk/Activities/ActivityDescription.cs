namespace Workflow.Sdk.Activities;

/// <summary>How an activity presents itself to the designer. Immutable.</summary>
/// <param name="Type">The name definitions use in a node's <c>type</c>, for example <c>pingHost</c>.</param>
/// <param name="DisplayName">The palette's label.</param>
/// <param name="Stage">
/// The stage it belongs to: identification, logging, categorisation, prioritisation or response.
/// </param>
/// <param name="Description">One or two sentences for the properties panel.</param>
/// <param name="Inputs">The inputs a process owner sets on a node.</param>
/// <param name="Outcomes">The outcomes a node can end with; each may lead to another node.</param>
public sealed record ActivityDescription(
    string Type,
    string DisplayName,
    string Stage,
    string Description,
    IReadOnlyList<InputDescription> Inputs,
    IReadOnlyList<string> Outcomes);

/// <summary>The kinds of value an activity input takes; the designer picks its editor from it.</summary>
public enum InputKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>One of <see cref="InputDescription.Choices"/>.</summary>
    Choice,

    /// <summary>A list of text values.</summary>
    List,

    /// <summary>An ISO 8601 duration, for example <c>PT4H</c>.</summary>
    Duration,
}

/// <summary>One input of an activity. Immutable.</summary>
/// <param name="Name">The key in the node's <c>inputs</c>.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Description">What the input does, for the properties panel.</param>
/// <param name="Required">True when a node without it is refused before publishing.</param>
/// <param name="Choices">The allowed values of a <see cref="InputKind.Choice"/> input.</param>
public sealed record InputDescription(
    string Name,
    InputKind Kind,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Choices = null);
