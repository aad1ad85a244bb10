using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// Lets a compiled company rule skip updating the ticket after a change no condition reads. The engine sets the
/// fields its conditions read for the evaluation running on the thread; outside an evaluation every change counts.
/// </summary>
public static class FactWatch
{
    [ThreadStatic]
    private static IReadOnlySet<string>? _watched;

    [ThreadStatic]
    private static bool _active;

    /// <summary>True when a change made since <paramref name="since"/> is to a field some condition reads.</summary>
    public static bool Touches(TicketFact ticket, int since)
    {
        if (!_active || _watched is null)
        {
            return true;
        }

        var changes = ticket.Changes;
        for (var i = since; i < changes.Count; i++)
        {
            if (_watched.Contains(changes[i].Field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Watches <paramref name="fields"/> (null: everything) until the returned scope ends.</summary>
    internal static Scope Watch(IReadOnlySet<string>? fields)
    {
        var scope = new Scope(_watched, _active);
        _watched = fields;
        _active = true;
        return scope;
    }

    internal readonly struct Scope(IReadOnlySet<string>? watched, bool active) : IDisposable
    {
        public void Dispose()
        {
            _watched = watched;
            _active = active;
        }
    }
}
