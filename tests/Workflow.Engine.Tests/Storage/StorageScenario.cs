using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Storage;

/// <summary>The clock, the ticket and the agent the storage tests share.</summary>
internal static class StorageScenario
{
    public const string Agent = "agent.bo";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The steps of one test are this far apart, so every journal time is distinct.</summary>
    public static readonly TimeSpan StepGap = TimeSpan.FromMinutes(10);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>An incident with impact 2 and urgency 1, which the service-desk matrix makes High.</summary>
    public static TicketDetails Details() => new()
    {
        Kind = TicketKind.Incident,
        Channel = IntakeChannel.Phone,
        Reporter = new Reporter { Name = "Anna de Vries", Mail = "anna.devries@example.com" },
        Subject = "VPN drops every ten minutes",
        OccurredAt = new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.Zero),
        ReportedAt = new DateTimeOffset(2026, 3, 2, 8, 55, 0, TimeSpan.Zero),
        Category = "Network",
        Subcategory = "VPN",
        Impact = "2",
        Urgency = "1",
        AssignmentGroup = "Network desk",
    };

    public static TaskAction Act(string outcome) => new(outcome, Agent);

    /// <summary>The time format the journal records times in.</summary>
    public static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O");

    /// <summary>Logs a ticket, then takes each action in turn, advancing the clock before each.</summary>
    public static async Task<long> LogAndActAsync(
        WorkflowEngine engine,
        FakeTimeProvider clock,
        params TaskAction[] actions)
    {
        var ticket = await engine.Tickets.CreateAsync(Details(), Agent);
        foreach (var action in actions)
        {
            clock.Advance(StepGap);
            await engine.Tickets.ActAsync(ticket.Id, action);
        }

        return ticket.Id;
    }

    /// <summary>The ticket and instance as stored, read through a fresh context.</summary>
    public static async Task<(Ticket Ticket, WorkflowInstance Instance)> StoredAsync(
        WorkflowEngine engine,
        long ticketId) =>
        await engine.Tickets.GetAsync(ticketId) ?? throw new InvalidOperationException($"No ticket {ticketId}.");
}
