using System.Text.Json.Nodes;
using Workflow.Engine.Sla;

namespace Workflow.Host.Tests.Jobs;

/// <summary>A ticket's SLA in its API response: targets from its priority, pauses on hold, and the journal.</summary>
public sealed class SlaApiTests
{
    [Fact]
    public async Task GetTicket_HighPriority_ShowsDueTimesFromTheReport()
    {
        await using var host = await TestHost.StartAsync();

        var created = await host.CreateTicketAsync();

        var sla = created.Sla!;
        Assert.Equal("High", sla.Priority);
        Assert.False(sla.Paused);
        Assert.Equal(created.ReportedAt.AddMinutes(30), sla.Response.DueAt);
        Assert.Equal(created.ReportedAt.AddHours(4), sla.Resolution.DueAt);
        Assert.Equal(created.ReportedAt.AddHours(3), sla.Resolution.WarnAt);
        Assert.Equal(SlaStage.Running, sla.Resolution.Stage);
        Assert.Contains(created.Journal, j => j.Changes.Any(c => c.Field == "ResolutionDueAt"));
    }

    [Fact]
    public async Task PostAction_HoldAwaitingTheCallerForAnHour_PausesThenPushesTheDueTimeBack()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var held = await host.ActAsync(created.Id, new JsonObject
        {
            ["outcome"] = "hold",
            ["holdReason"] = "awaitingCaller",
        });
        host.Clock.Advance(TimeSpan.FromHours(1));

        var resumed = await host.ActAsync(created.Id, new JsonObject { ["outcome"] = "resume" });

        Assert.True(held.Sla!.Paused);
        Assert.Equal(host.Clock.GetUtcNow().AddHours(-1), held.Sla.PausedSince);
        Assert.False(resumed.Sla!.Paused);
        Assert.Equal(TimeSpan.FromHours(1), resumed.Sla.PausedBefore);
        Assert.Equal(created.ReportedAt.AddHours(5), resumed.Sla.Resolution.DueAt);
        Assert.Equal(SlaStage.Met, resumed.Sla.Response.Stage);
    }
}
