using System.Text;
using Workflow.Engine.Sla;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Sla;

public sealed class SlaPolicyLoaderTests
{
    private static SlaPolicy Load(string json) =>
        SlaPolicyLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Resolve_NoFile_LoadsTheShippedPolicy()
    {
        var policy = SlaPolicyLoader.Resolve(null);

        Assert.Equal(TimeSpan.FromHours(4), policy.For("High")!.Resolution);
        Assert.True(policy.For("High")!.Calendar.IsAlwaysOpen);
        Assert.Equal("Europe/Amsterdam", policy.For("Medium")!.Calendar.Zone.Id);
        Assert.Equal([HoldReason.AwaitingCaller, HoldReason.AwaitingVendor], policy.PauseOn);
        Assert.Equal(0.75, policy.WarningShare);
    }

    [Fact]
    public void Load_BadFields_NamesEachOne()
    {
        var json = """
            {
              "warningShare": 1.5,
              "calendars": [ { "name": "office", "zone": "Mars/Olympus", "hours": {
                "funday": "08:00-18:00", "monday": "18-8", "tuesday": "08:00-18:00" } } ],
              "targets": [ { "priority": "High", "response": "soon", "resolution": "PT4H", "calendar": "nope" } ],
              "escalation": { "onBreach": ["reassign", "panic"] }
            }
            """;

        var error = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal(
            [
                "warningShare", "calendars[0].zone", "calendars[0].hours.funday", "calendars[0].hours.monday",
                "targets[0].response", "targets[0].calendar", "escalation.onBreach[1]", "escalation.tiers",
            ],
            error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void NextTier_WalksUpTheTiers()
    {
        var policy = SlaPolicyLoader.Resolve(null);

        Assert.Equal("Service desk", policy.NextTier("Network desk"));
        Assert.Equal("Second line", policy.NextTier("service desk"));
        Assert.Null(policy.NextTier("Third line"));
    }
}
