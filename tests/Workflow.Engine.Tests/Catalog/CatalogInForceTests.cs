using Workflow.Engine.Jobs;
using Workflow.Engine.Priority;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Catalog;

/// <summary>A saved priority scheme is used by the sweep at once, for tickets created before the save.</summary>
public sealed class CatalogInForceTests
{
    [SkippableTheory, StorageProviders]
    public async Task Sweep_MatrixCellChangedAfterTheTicketWasCreated_RaisesUrgencyToTheNewCell(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = (await test.Engine.Tickets.CreateAsync(Medium(), Agent)).Id;
        var scheme = PrioritySchemeGrid.ToJson(test.Engine.PriorityScheme)
            .Replace("""["High","Medium","Low"]""", """["Low","Medium","Low"]""", StringComparison.Ordinal);
        await test.Engine.CatalogStore.SaveSchemeAsync(scheme, "owner", 1);
        clock.Advance(TimeSpan.FromMinutes(31));

        await SweepAsync(test.Engine, run: 1);

        var ticket = await StoredAsync(test.Engine, id);
        Assert.Equal(("1", "Low"), (ticket.Urgency, ticket.Priority));
        Assert.Contains(ticket.Journal, j => j.Action == Sweeper.UnassignedAction);
    }
}
