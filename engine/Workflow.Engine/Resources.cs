namespace Workflow.Engine;

/// <summary>Reads the JSON documents compiled into the engine (default workflow, priority schemes, categories).</summary>
internal static class Resources
{
    public static Stream Open(string name) =>
        typeof(Resources).Assembly.GetManifestResourceStream($"Workflow.Engine.Resources.{name}")
        ?? throw new InvalidOperationException($"The engine has no resource named '{name}'.");
}
