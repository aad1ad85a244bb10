using System.Text.Json.Nodes;
using Workflow.Engine.Sla;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows;

/// <summary>A workflow's own <c>sla</c> section: read into an override of the policy, or refused part by part.</summary>
public sealed class WorkflowSlaSectionTests
{
    private readonly WorkflowDefinitionParser _parser = new(ActivityCatalog.BuiltIn());

    [Fact]
    public void Parse_DefaultWorkflow_StatesThePolicyDefaultsExplicitly()
    {
        var definition = _parser.Parse(WorkflowDefinitionStore.DefaultJson());

        var sla = Assert.IsType<SlaOverride>(definition.Sla);
        Assert.Equal(0.75, sla.WarningShare);
        Assert.Equal([EscalationAction.Notify], sla.OnWarning);
        Assert.Equal([EscalationAction.Notify, EscalationAction.RaisePriority, EscalationAction.Reassign], sla.OnBreach);
        Assert.Null(sla.Tiers);
    }

    [Fact]
    public void Parse_NoSlaSection_LeavesEverythingToThePolicy()
    {
        var definition = Parse(Minimal());

        Assert.Null(definition.Sla);
    }

    [Fact]
    public void Parse_PartialSection_StatesOnlyWhatItNames()
    {
        var doc = Minimal();
        doc["sla"] = new JsonObject { ["warningShare"] = 0.5, ["onBreach"] = new JsonArray("notify") };

        var definition = Parse(doc);

        Assert.Equal(new SlaOverride(0.5, null, definition.Sla!.OnBreach, null), definition.Sla);
        Assert.Equal([EscalationAction.Notify], definition.Sla.OnBreach);
    }

    [Fact]
    public void Parse_WrongParts_RefusedNamingEachField()
    {
        var doc = Minimal();
        doc["sla"] = new JsonObject
        {
            ["warningShare"] = 1.5,
            ["onWarning"] = new JsonArray("notify", "page"),
            ["onBreach"] = new JsonArray("reassign"),
            ["tiers"] = new JsonArray(),
        };

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [
                new FieldError("sla.warningShare", "1.5 must lie between 0 and 1, for example 0.75."),
                new FieldError("sla.onWarning[1]", "'page' is not one of notify, raisePriority, reassign."),
                new FieldError("sla.tiers", "must list the support groups when an escalation reassigns."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_MisspeltPart_RefusedNamingIt()
    {
        var doc = Minimal();
        doc["sla"] = new JsonObject { ["onBreech"] = new JsonArray("notify") };

        var ex = Assert.Throws<ValidationException>(() => Parse(doc));

        Assert.Equal(
            [new FieldError("sla.onBreech", "is not a part of the sla section (warningShare, onWarning, onBreach, tiers).")],
            ex.Errors);
    }

    [Fact]
    public void EscalationFor_WorkflowOverride_ReplacesOnlyWhatItStates()
    {
        var policy = SlaPolicyLoader.Resolve(null);
        var own = new SlaOverride(0.5, null, [EscalationAction.Notify], null);

        var escalation = policy.EscalationFor(own);

        Assert.Equal(0.5, escalation.WarningShare);
        Assert.Equal(policy.OnWarning, escalation.OnWarning);
        Assert.Equal([EscalationAction.Notify], escalation.OnBreach);
        Assert.Equal(policy.Tiers, escalation.Tiers);
    }

    private WorkflowDefinition Parse(JsonObject document) => _parser.Parse(document.ToJsonString());
}
