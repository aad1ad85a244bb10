using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Intake.EventLog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Intake;

/// <summary>
/// Imports the real UCI slice from the shared data folder (on SQLite only; the PostgreSQL path is covered by
/// the small slice) and checks it against the figures its README publishes.
/// </summary>
public sealed class RealEventLogImportTests
{
    private const string SlicePath = "uci-incident-event-log/incident_event_log_first8000.csv";

    /// <summary>From the README: 52,791 event rows of 8,000 incidents, each of which has a Closed row.</summary>
    private const int Events = 52_791;
    private const int Incidents = 8_000;

    [SkippableFact]
    public async Task ImportAsync_UciSlice_MatchesTheFiguresOfItsReadme()
    {
        var file = SharedData.Require(SlicePath);
        await using var test = await TestEngine.StartAsync(
            StorageProvider.Sqlite,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var options = new EventLogImportOptions
        {
            PriorityScheme = PrioritySchemeLoader.Resolve("servicenow-incident"),
            Times = new TimeInput(TimeZoneInfo.Utc),
        };

        using var input = new StreamReader(file);
        var summary = await new EventLogImporter(test.Engine).ImportAsync(input, file, options);

        await using var db = test.Engine.Contexts.Create();
        Assert.Equal(Events, summary.Events);
        Assert.Equal(Incidents, summary.Incidents);
        Assert.Empty(summary.RejectedRows);
        Assert.Equal(Incidents, summary.TicketsCreated);
        Assert.Equal(new Dictionary<string, int> { ["Closed"] = Incidents }, summary.TicketsByState);
        Assert.Equal(Incidents, await db.Tickets.CountAsync());

        // The README: every row follows one impact-by-urgency table, the one the servicenow-incident scheme holds.
        Assert.Equal(Events, summary.PriorityChecked);
        Assert.Equal(Events, summary.PriorityAgreed);
        Assert.Empty(summary.Disagreements);
    }
}
