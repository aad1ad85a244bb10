namespace Workflow.Engine.Workflows.Activities;

/// <summary>How an activity presents itself in the catalog.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Stage,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool Blocks = false);

/// <summary>One input of an activity: its name, kind (text, list, choice, duration) and whether it is required.</summary>
public sealed record InputDescriptor(
    string Name,
    string Kind,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Choices = null);
