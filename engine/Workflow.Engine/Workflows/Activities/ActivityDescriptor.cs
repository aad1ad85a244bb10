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

/// <summary>
/// One input of an activity: its name, kind (text, list, choice, duration, boolean, or C#: <c>condition</c> for
/// a true-or-false expression, <c>script</c> for statements) and whether it is required.
/// </summary>
public sealed record InputDescriptor(
    string Name,
    string Kind,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Choices = null);

/// <summary>The input kinds whose text is C#.</summary>
public static class InputKinds
{
    public const string Condition = "condition";

    public const string Script = "script";

    public static bool IsCode(string kind) => kind is Condition or Script;
}
