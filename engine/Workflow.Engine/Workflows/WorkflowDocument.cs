using System.Text.Json;

namespace Workflow.Engine.Workflows;

/// <summary>The JSON shape of a workflow definition as it is stored and exchanged with the designer.</summary>
internal sealed class WorkflowDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Start { get; set; }

    public List<Node>? Nodes { get; set; }

    public List<Link>? Connections { get; set; }

    /// <summary>The workflow's own SLA escalation; what it leaves out comes from the SLA policy.</summary>
    public SlaSection? Sla { get; set; }

    // A misspelt part ("onBreech") would otherwise be dropped without a word and the policy's value used.
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(
        System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    internal sealed class SlaSection
    {
        public double? WarningShare { get; set; }

        public List<string>? OnWarning { get; set; }

        public List<string>? OnBreach { get; set; }

        public List<string>? Tiers { get; set; }
    }

    internal sealed class Node
    {
        public string? Id { get; set; }

        public string? Type { get; set; }

        public Dictionary<string, JsonElement>? Inputs { get; set; }

        public Point? Position { get; set; }
    }

    internal sealed class Link
    {
        public string? From { get; set; }

        public string? Outcome { get; set; }

        public string? To { get; set; }
    }

    internal sealed class Point
    {
        public double X { get; set; }

        public double Y { get; set; }
    }
}
