using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Stage 1: confirms what the report is (incident or service request) and branches on it.</summary>
public sealed class IdentifyActivity : IActivity
{
    public const string Incident = "incident";
    public const string ServiceRequest = "serviceRequest";

    public string Type => "identify";

    public ActivityDescriptor Descriptor { get; } = new(
        "identify",
        "Identify",
        "identification",
        "Classifies the report as an incident or a service request; 'kind' overrides what the reporter chose.",
        [new InputDescriptor("kind", "choice", "Force a kind", Choices: ["incident", "serviceRequest"])],
        [Incident, ServiceRequest]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (node.Text("kind") is { } kind && ParseKind(kind) is null)
        {
            yield return $"input 'kind' is '{kind}'; expected incident or serviceRequest.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var ticket = context.Ticket;
        var kind = ParseKind(context.Node.Text("kind")) ?? ticket.Kind;

        ticket.Identify(kind, ticket.Channel);
        return ActivityResult.Done(kind == TicketKind.Incident ? Incident : ServiceRequest);
    }

    private static TicketKind? ParseKind(string? text) => text switch
    {
        null => null,
        _ when text.Equals(Incident, StringComparison.OrdinalIgnoreCase) => TicketKind.Incident,
        _ when text.Equals(ServiceRequest, StringComparison.OrdinalIgnoreCase) => TicketKind.ServiceRequest,
        _ => null,
    };
}
