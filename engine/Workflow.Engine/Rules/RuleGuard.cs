namespace Workflow.Engine.Rules;

/// <summary>
/// Keeps company code within its time: compiled rules call it on entry and inside every loop and lambda, and a
/// rule that runs past its budget is stopped with <see cref="RuleTimeoutException"/> and quarantined for the
/// rest of the rule set's life. One guard per compiled rule set; the running rule is tracked per thread.
/// </summary>
public sealed class RuleGuard(int rules)
{
    /// <summary>How long one condition or action may run.</summary>
    public static TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(1);

    [ThreadStatic]
    private static Running? _current;

    private readonly bool[] _quarantined = new bool[rules];

    public string[] Names { get; } = new string[rules];

    public bool IsQuarantined(int rule) => Volatile.Read(ref _quarantined[rule]);

    public IEnumerable<string> Quarantined => Names.Where((_, i) => IsQuarantined(i));

    /// <summary>Starts the budget of a rule's condition; false means the rule is quarantined and never matches.</summary>
    public bool Enter(int rule)
    {
        if (IsQuarantined(rule))
        {
            return false;
        }

        _current = new Running(this, rule, Environment.TickCount64 + (long)Budget.TotalMilliseconds);
        return true;
    }

    /// <summary>Starts the budget of a rule's action.</summary>
    public void EnterAction(int rule) => Enter(rule);

    /// <summary>Checks the running rule's budget inside a loop or a lambda.</summary>
    public void Tick()
    {
        var current = _current;
        if (current is not null && Environment.TickCount64 > current.Deadline)
        {
            _current = null;
            Volatile.Write(ref current.Guard._quarantined[current.Rule], true);
            throw new RuleTimeoutException(current.Guard.Names[current.Rule], Budget);
        }
    }

    /// <summary>Checks the budget and passes a lambda's value through; used where a statement cannot go.</summary>
    public T Pass<T>(T value)
    {
        Tick();
        return value;
    }

    private sealed record Running(RuleGuard Guard, int Rule, long Deadline);
}

/// <summary>A company rule ran longer than its budget; it has been quarantined.</summary>
public sealed class RuleTimeoutException(string rule, TimeSpan budget)
    : Exception($"Rule '{rule}' ran longer than {budget.TotalSeconds:0.###} s and was quarantined.")
{
    public string Rule { get; } = rule;
}
