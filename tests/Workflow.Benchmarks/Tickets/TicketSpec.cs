using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Benchmarks.Tickets;

/// <summary>What a reporter gave for one ticket; every engine builds its own fresh fact from it.</summary>
internal sealed record TicketSpec(
    string Key,
    IntakeChannel Channel,
    string Subject,
    string Description,
    int? AffectedUsers,
    string? Category)
{
    public TicketFact ToFact() => new(Key)
    {
        Channel = Channel,
        Subject = Subject,
        Description = Description,
        AffectedUsers = AffectedUsers,
        Category = Category,
    };
}
