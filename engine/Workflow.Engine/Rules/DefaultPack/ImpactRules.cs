using NRules.Fluent.Dsl;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules.DefaultPack;

/// <summary>Many affected users, a site-wide or critical service: high impact, unless someone judged it.</summary>
[Name("Default: high impact"), Priority(30)]
public sealed class HighImpactRule : Rule
{
    public const int ManyUsers = 50;

    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Impact == null
            && (t.AffectedUsers >= ManyUsers
                || t.Service.SiteWide
                || t.Service.Criticality == ServiceCriticality.Critical));
        Then().Do(ctx => Facts.SetImpact(ctx, ticket, "1"));
    }
}

/// <summary>Several affected users or a highly critical service: medium impact, unless someone judged it.</summary>
[Name("Default: medium impact"), Priority(25)]
public sealed class MediumImpactRule : Rule
{
    public const int SeveralUsers = 5;

    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Impact == null
            && (t.AffectedUsers >= SeveralUsers || t.Service.Criticality == ServiceCriticality.High));
        Then().Do(ctx => Facts.SetImpact(ctx, ticket, "2"));
    }
}

/// <summary>A VIP's report is urgent, unless someone judged its urgency.</summary>
[Name("Default: VIP urgency"), Priority(30)]
public sealed class VipUrgencyRule : Rule
{
    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Urgency == null && t.Reporter.Vip);
        Then().Do(ctx => Facts.SetUrgency(ctx, ticket, "1"));
    }
}

/// <summary>Five or more open incidents on one configuration item within an hour: propose a major incident.</summary>
[Name("Default: major incident trend"), Priority(40)]
public sealed class MajorIncidentTrendRule : Rule
{
    public const int Threshold = 5;

    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => !t.ProposeMajorIncident && t.Trend.SameItemLastHour >= Threshold);
        Then().Do(ctx => Facts.ProposeMajorIncident(ctx, ticket));
    }
}

/// <summary>Rule actions are expression trees, which cannot assign; these make the change and update the fact.</summary>
internal static class Facts
{
    public static void SetImpact(NRules.RuleModel.IContext ctx, TicketFact ticket, string impact)
    {
        ticket.Impact = impact;
        ctx.Update(ticket);
    }

    public static void SetUrgency(NRules.RuleModel.IContext ctx, TicketFact ticket, string urgency)
    {
        ticket.Urgency = urgency;
        ctx.Update(ticket);
    }

    public static void ProposeMajorIncident(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.ProposeMajorIncident = true;
        ctx.Update(ticket);
    }
}
