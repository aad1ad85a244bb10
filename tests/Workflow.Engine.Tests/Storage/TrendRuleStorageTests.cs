using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Tickets;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Storage;

public sealed class TrendRuleStorageTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [StorageProviders]
    public async Task CreateAsync_FifthIncidentOnOneItemWithinAnHour_ProposesAMajorIncident(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var engine = await TestEngine.StartAsync(provider, clock);
        var tickets = new List<Ticket>();

        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await engine.Engine.Tickets.CreateAsync(Details("Payroll is down", "payroll-db"), "ann"));
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var proposals = tickets.Select(t => t.Journal.Any(j => j.Reason.Contains("Default: major incident trend",
            StringComparison.Ordinal))).ToList();
        Assert.Equal([false, false, false, false, true], proposals);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task CreateAsync_IncidentsSpreadOverMoreThanAnHour_ProposeNothing(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var engine = await TestEngine.StartAsync(provider, clock);
        Ticket last = null!;

        for (var i = 0; i < 5; i++)
        {
            last = await engine.Engine.Tickets.CreateAsync(Details("Payroll is down", "payroll-db"), "ann");
            clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.DoesNotContain(last.Journal, j => j.Reason.Contains("major incident", StringComparison.Ordinal));
    }

    private static TicketDetails Details(string subject, string item) => new()
    {
        Subject = subject,
        Reporter = new Reporter { Name = "Ann" },
        ConfigurationItem = item,
        OccurredAt = Start,
        ReportedAt = Start,
    };
}
