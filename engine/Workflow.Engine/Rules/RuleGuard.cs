using System.Runtime.CompilerServices;

namespace Workflow.Engine.Rules;

/// <summary>
/// Keeps company code within its time: compiled rules call it on entry and inside every loop, lambda and local
/// function, and a rule that runs past its budget is stopped with <see cref="RuleTimeoutException"/> and
/// quarantined for the rest of the rule set's life. Once stopped, a rule stays stopped: every later check
/// throws again, so code that catches the timeout cannot run on. One guard per compiled rule set; the running
/// rule is tracked per thread.
/// </summary>
public sealed class RuleGuard(int rules)
{
    /// <summary>How long one condition or action may run.</summary>
    public static TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(1);

    // The running rule, per thread, in three fields: a condition is entered for every rule on every update,
    // so entering must not allocate.
    [ThreadStatic]
    private static RuleGuard? _guard;

    [ThreadStatic]
    private static int _rule;

    [ThreadStatic]
    private static long _deadline;

    private readonly int[] _quarantined = new int[rules];
    private readonly List<string> _order = [];

    public string[] Names { get; } = new string[rules];

    public bool IsQuarantined(int rule) => Volatile.Read(ref _quarantined[rule]) != 0;

    /// <summary>How many rules have been quarantined so far.</summary>
    public int QuarantineCount
    {
        get
        {
            lock (_order)
            {
                return _order.Count;
            }
        }
    }

    /// <summary>The rules quarantined after the first <paramref name="count"/>, in the order they were stopped.</summary>
    public IReadOnlyList<string> QuarantinedAfter(int count)
    {
        lock (_order)
        {
            return _order.Skip(count).ToList();
        }
    }

    public IEnumerable<string> Quarantined => Names.Where((_, i) => IsQuarantined(i));

    /// <summary>Starts the budget of a rule's condition; false means the rule is quarantined and never matches.</summary>
    public bool Enter(int rule)
    {
        if (IsQuarantined(rule))
        {
            return false;
        }

        _guard = this;
        _rule = rule;
        _deadline = Environment.TickCount64 + (long)Budget.TotalMilliseconds;
        return true;
    }

    /// <summary>Starts the budget of a rule's action.</summary>
    /// <exception cref="RuleTimeoutException">The rule was quarantined after its condition matched.</exception>
    public void EnterAction(int rule)
    {
        if (!Enter(rule))
        {
            throw new RuleTimeoutException(Names[rule], Budget);
        }
    }

    /// <summary>Checks the running rule's budget and the stack inside a loop, a lambda or a local function.</summary>
    /// <exception cref="RuleTimeoutException">The rule ran past its budget; it is quarantined.</exception>
    /// <exception cref="InsufficientExecutionStackException">The rule recursed too deep.</exception>
    public void Tick()
    {
        // An overflowing stack ends the process, so deep recursion is refused while it can still be caught.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        TimeOut();
    }

    /// <summary>Checks the budget before a value is computed; <c>check</c> is evaluated first, then the value.</summary>
    public T Pass<T>(bool check, T value) => value;

    /// <summary>Checks the budget; true so that it can stand in front of an expression.</summary>
    public bool Check()
    {
        Tick();
        return true;
    }

    /// <summary>What is left of the running rule's budget, for library calls that take a timeout.</summary>
    internal static TimeSpan Remaining()
    {
        if (_guard is null)
        {
            return Budget;
        }

        return TimeSpan.FromMilliseconds(Math.Max(1, _deadline - Environment.TickCount64));
    }

    /// <summary>Stops the running rule now: a library call it made ran out of its budget.</summary>
    internal static RuleTimeoutException Expire()
    {
        var guard = _guard;
        if (guard is null)
        {
            return new RuleTimeoutException("(unknown)", Budget);
        }

        guard.Quarantine(_rule);
        return new RuleTimeoutException(guard.Names[_rule], Budget);
    }

    private void Quarantine(int rule)
    {
        if (Interlocked.CompareExchange(ref _quarantined[rule], 1, 0) == 0)
        {
            lock (_order)
            {
                _order.Add(Names[rule]);
            }
        }
    }

    private static void TimeOut()
    {
        if (_guard is not null && Environment.TickCount64 > _deadline)
        {
            throw Expire();
        }
    }
}

/// <summary>A company rule ran longer than its budget; it has been quarantined.</summary>
public sealed class RuleTimeoutException(string rule, TimeSpan budget)
    : Exception($"Rule '{rule}' ran longer than {budget.TotalSeconds:0.###} s and was quarantined.")
{
    public string Rule { get; } = rule;
}
