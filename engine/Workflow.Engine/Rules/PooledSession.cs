using NRules;
using NRules.Diagnostics;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// An NRules session kept between evaluations. Its event handlers are attached once and report into whichever
/// evaluation is running; after an evaluation the ticket is retracted, and a session that still holds anything
/// is dropped rather than reused. Used by one evaluation at a time.
/// </summary>
internal sealed class PooledSession
{
    private RuleEvaluation? _evaluation;
    private TicketFact? _fact;

    public PooledSession(ISession session)
    {
        Session = session;
        session.Events.RuleFiredEvent += (_, e) => Record(e);
        session.Events.LhsExpressionFailedEvent += (_, e) => Fail(e, e.Exception, e.Rules.Select(r => r.Name));
        session.Events.RhsExpressionFailedEvent += (_, e) => Fail(e, e.Exception, [e.Match.Rule.Name]);
    }

    public ISession Session { get; }

    /// <summary>How often each rule fired in the running evaluation, to name the rules that loop.</summary>
    public Dictionary<string, int> Firings { get; } = new(StringComparer.Ordinal);

    public void Begin(RuleEvaluation evaluation, TicketFact fact)
    {
        _evaluation = evaluation;
        _fact = fact;
        Firings.Clear();
    }

    /// <summary>Retracts the ticket; true when the session is empty again and may serve another evaluation.</summary>
    public bool Reset(TicketFact held)
    {
        Session.TryRetract(held);
        return !Session.Query<object>().Any() && Session.Agenda.IsEmpty;
    }

    public void End()
    {
        _evaluation = null;
        _fact = null;
    }

    private void Record(AgendaEventArgs e)
    {
        var name = e.Rule.Name;
        Firings[name] = Firings.GetValueOrDefault(name) + 1;
        var made = RuleEngine.TakeChanges();
        _evaluation!.Changes.AddRange(made);
        _evaluation.Fired.Add(new FiredRule(name, _evaluation.Fired.Count + 1, made));
    }

    private void Fail(IRecoverableError error, Exception? exception, IEnumerable<string> rules)
    {
        error.IsHandled = true;

        // NRules hands over what the rule threw; only a reflective call's wrapper hides the real cause.
        var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner }
            ? inner
            : exception;
        foreach (var rule in rules)
        {
            _evaluation!.Faults.Add(new RuleFault(rule, _fact!.Key, cause?.Message ?? "the rule failed."));
        }
    }
}
