using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Jobs;
using Workflow.Engine.Rules;
using Workflow.Engine.Sla;
using Workflow.Engine.Workflows.Activities;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Jobs;

/// <summary>Company rules that read time and SLA facts, re-run by the sweep and carried out once.</summary>
public sealed class TimeRuleSweepTests
{
    private const string Unassigned = """
        { "name": "Unassigned half an hour", "salience": 5,
          "condition": "ticket.UnassignedFor > TimeSpan.FromMinutes(30)", "action": "raiseUrgency" }
        """;

    private const string Breach = """
        { "name": "Breach to the duty manager", "salience": 1,
          "condition": "ticket.SlaStatus == SlaStatus.Breached", "action": "notify", "value": "Call the duty manager" }
        """;

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_UnassignedForMoreThanHalfAnHour_RaisesTheUrgencyOnce(string provider)
    {
        var clock = Clock();
        await using var test = await StartAsync(provider, clock);
        await PublishAsync(test.Engine, Unassigned);
        var id = (await test.Engine.Tickets.CreateAsync(Medium(), Agent)).Id;

        clock.Advance(TimeSpan.FromMinutes(20));
        var early = await SweepAsync(test.Engine, run: 1);
        clock.Advance(TimeSpan.FromMinutes(15));
        var due = await SweepAsync(test.Engine, run: 2);
        clock.Advance(TimeSpan.FromMinutes(15));
        var later = await SweepAsync(test.Engine, run: 3);

        var ticket = await StoredAsync(test.Engine, id);
        var entry = Assert.Single(ticket.Journal, j => j.Action == Sweeper.RuleAction);
        Assert.Equal([0, 1, 0], new[] { early, due, later }.Select(r => r.Escalated));
        Assert.Equal(("1", "High"), (ticket.Urgency, ticket.Priority));
        Assert.Equal(
            "rule 'Unassigned half an hour' (company v1); urgency raised to 1, priority High",
            entry.Reason);
        Assert.Equal((Sweeper.Actor, Monday.AddMinutes(35)), (entry.Actor, entry.At));
        Assert.Contains(entry.Changes, c => c.Field == "Urgency" && c.Old == "2" && c.New == "1");
        var firing = Assert.Single(await FiringsAsync(test.Engine));
        Assert.Equal((id, "Unassigned half an hour", "company v1"), (firing.TicketId, firing.Rule, firing.RuleSet));
        Assert.Null(ticket.UnassignedRaisedAt);

        // High answers within 30 minutes, so the new priority finds the response late in the same sweep.
        Assert.Equal(SlaStage.Breached, ticket.ResponseStage);
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_BreachRule_NotifiesOnceWithAnIdempotencyKey(string provider)
    {
        var clock = Clock();
        await using var test = await StartAsync(provider, clock);
        await PublishAsync(test.Engine, Breach);
        var id = await AcknowledgedAsync(test.Engine);

        clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync(test.Engine, run: 1);
        clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(test.Engine, run: 2);

        var notices = (await OutboxAsync(test.Engine)).Where(m => m.Kind == Sweeper.RuleNoticeKind).ToList();
        var notice = Assert.Single(notices);
        Assert.StartsWith($"rule:{id}:", notice.IdempotencyKey);
        Assert.EndsWith(":0", notice.IdempotencyKey);
        var payload = JsonNode.Parse(notice.Payload)!;
        Assert.Equal("Breach to the duty manager", payload["rule"]!.GetValue<string>());
        Assert.Equal("Call the duty manager", payload["note"]!.GetValue<string>());
        Assert.Equal("company v1", payload["ruleSet"]!.GetValue<string>());
        var ticket = await StoredAsync(test.Engine, id);
        var entry = Assert.Single(ticket.Journal, j => j.Action == Sweeper.RuleAction);
        Assert.Equal("rule 'Breach to the duty manager' (company v1); notified", entry.Reason);

        // The SLA pass raised the breach first in the same sweep, so the rule saw it at once.
        var breached = Assert.Single(ticket.Journal, j => j.Action == "sla.breached");
        Assert.Equal(breached.Sequence + 1, entry.Sequence);
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_SameBatchTwiceWithTimeRules_ChangesNothingTheSecondTime(string provider)
    {
        var clock = Clock();
        await using var test = await StartAsync(provider, clock);
        await PublishAsync(test.Engine, Unassigned, Breach);
        var waiting = (await test.Engine.Tickets.CreateAsync(Medium(), Agent)).Id;
        var late = await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        var batch = Assert.Single(await test.Engine.Sweeper.PlanAsync(run: 9, batchSize: 100));
        var first = await test.Engine.Sweeper.RunAsync(batch);
        var journals = (await StoredAsync(test.Engine, waiting)).JournalLength
            + (await StoredAsync(test.Engine, late)).JournalLength;
        var outbox = (await OutboxAsync(test.Engine)).Count;
        var firings = (await FiringsAsync(test.Engine)).Count;

        var again = await test.Engine.Sweeper.RunAsync(batch);

        Assert.Equal(2, first.Escalated);
        Assert.Equal(SweepResult.None, again);
        Assert.Equal(
            journals,
            (await StoredAsync(test.Engine, waiting)).JournalLength + (await StoredAsync(test.Engine, late)).JournalLength);
        Assert.Equal(outbox, (await OutboxAsync(test.Engine)).Count);
        Assert.Equal(firings, (await FiringsAsync(test.Engine)).Count);
        Assert.True(firings >= 2, $"{firings} rule firings; each ticket should have had at least one.");
    }

    [SkippableTheory, StorageProviders]
    public async Task TimeFacts_HalfTheOfficeHoursUsed_GiveHalfTheShareAndTheAge(string provider)
    {
        var clock = Clock();
        await using var test = await StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);

        // Monday 10:00 to 18:00 and Tuesday 08:00 to 10:00 in Amsterdam: 10 of the 20 office hours.
        clock.Advance(TimeSpan.FromHours(24));
        var facts = TimeFacts.Of(await StoredAsync(test.Engine, id), clock.GetUtcNow(), test.Engine.Sla.Policy);

        Assert.Equal(0.5, facts.SlaShareUsed, precision: 6);
        Assert.Equal(TimeSpan.FromHours(24), facts.Age);
        Assert.Equal(Workflow.Sdk.Rules.SlaStatus.Running, facts.SlaStatus);
    }

    /// <summary>An engine on the shipped SLA policy without its built-in unassigned rule, so only company rules
    /// raise urgency here.</summary>
    private static async Task<TestEngine> StartAsync(string provider, FakeTimeProvider clock)
    {
        var policy = JsonNode.Parse(File.ReadAllText(ShippedPolicyPath()))!.AsObject();
        policy.Remove("raiseUrgencyWhenUnassignedFor");
        var path = Path.Combine(Path.GetTempPath(), $"sla-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, policy.ToJsonString());
        try
        {
            return await TestEngine.StartAsync(provider, clock, configure: o => o.SlaFile = path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ShippedPolicyPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "engine", "Workflow.Engine", "Resources", "sla.default.json");
    }

    private static async Task PublishAsync(WorkflowEngine engine, params string[] rules)
    {
        var json = $$"""{ "id": "company", "rules": [{{string.Join(",", rules)}}] }""";
        await engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, json, "owner.eva", null);
        await engine.RuleSets.PublishAsync(RuleSetStore.CompanyId);
    }

    private static async Task<List<RuleFiring>> FiringsAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await db.RuleFirings.AsNoTracking().ToListAsync();
    }
}
