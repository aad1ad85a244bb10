using System.Runtime.Loader;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Scripting;

/// <summary>
/// The C# inputs of one workflow version, built once and kept as long as the version is in memory. Each
/// script runs within <see cref="RuleGuard.Budget"/>; one that overruns it is stopped and stays stopped for the
/// life of the version. Thread-safe: scripts keep no state between runs.
/// </summary>
public sealed class CompiledScripts
{
    public static readonly CompiledScripts None = new([], [], new RuleGuard(0), null);

    private readonly Dictionary<(string Node, string Input), int> _index;
    private readonly Delegate[] _entries;
    private readonly AssemblyLoadContext? _context;

    internal CompiledScripts(
        IReadOnlyList<ScriptSource> scripts,
        Delegate[] entries,
        RuleGuard guard,
        AssemblyLoadContext? context)
    {
        _index = scripts.Select((s, i) => (s, i)).ToDictionary(p => (p.s.NodeId, p.s.Input), p => p.i);
        _entries = entries;
        _context = context;
        Guard = guard;
    }

    public RuleGuard Guard { get; }

    /// <summary>Evaluates a node's condition on the fact.</summary>
    /// <exception cref="RuleTimeoutException">The condition ran past its budget now or before.</exception>
    public bool Test(string nodeId, string input, TicketFact ticket) =>
        ((Func<TicketFact, bool>)Entry(nodeId, input))(ticket);

    /// <summary>Runs a node's statements on the fact.</summary>
    /// <exception cref="RuleTimeoutException">The statements ran past their budget now or before.</exception>
    public void Run(string nodeId, string input, TicketFact ticket) =>
        ((Action<TicketFact>)Entry(nodeId, input))(ticket);

    /// <summary>Starts releasing the assembly; scripts already running finish first.</summary>
    public void Unload() => _context?.Unload();

    private Delegate Entry(string nodeId, string input) =>
        _index.TryGetValue((nodeId, input), out var i)
            ? _entries[i]
            : throw new Workflows.WorkflowException($"Node '{nodeId}' has no compiled input '{input}'.");
}
