using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workflow.Benchmarks.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Benchmarks.Engines;

/// <summary>
/// The rule set as the C# a developer would write by hand: one <c>if</c> per rule in salience order, each
/// condition tested once against the ticket as the rules before it left it. Generated from the same rules
/// and compiled with Roslyn at start-up.
/// </summary>
internal sealed class IfChain
{
    private const string TypeName = "CompanyRulesByHand.Chain";

    private readonly Action<TicketFact> _apply;
    private readonly Action<TicketFact, List<int>> _trace;

    private IfChain(IReadOnlyList<BenchmarkRule> order, Action<TicketFact> apply, Action<TicketFact, List<int>> trace)
    {
        Order = order;
        _apply = apply;
        _trace = trace;
    }

    /// <summary>The rules in the order the chain tests them.</summary>
    public IReadOnlyList<BenchmarkRule> Order { get; }

    public string Source { get; private init; } = "";

    public static IfChain Compile(IReadOnlyList<BenchmarkRule> rules)
    {
        var order = BenchmarkRule.InFiringOrder(rules);
        var source = Write(order);
        var compilation = CSharpCompilation.Create(
            $"CompanyRulesByHand.{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5);
            throw new InvalidOperationException("The if-chain does not compile: " + string.Join("; ", errors));
        }

        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType(TypeName)!;
        var apply = type.GetMethod("Apply")!.CreateDelegate<Action<TicketFact>>();
        var trace = type.GetMethod("Trace")!.CreateDelegate<Action<TicketFact, List<int>>>();
        return new IfChain(order, apply, trace) { Source = source };
    }

    public void Apply(TicketFact ticket) => _apply(ticket);

    /// <summary>Runs the chain and lists the rules that fired, in firing order.</summary>
    public IReadOnlyList<string> Trace(TicketFact ticket)
    {
        var fired = new List<int>();
        _trace(ticket, fired);
        return [.. fired.Select(i => Order[i].Name)];
    }

    private static string Write(IReadOnlyList<BenchmarkRule> order)
    {
        var code = new StringBuilder();
        code.AppendLine("#nullable enable");
        code.AppendLine("using System.Collections.Generic;");
        code.AppendLine("using Workflow.Sdk.Rules;");
        code.AppendLine("using Workflow.Sdk.Tickets;");
        code.AppendLine("namespace CompanyRulesByHand;");
        code.AppendLine("public static class Chain");
        code.AppendLine("{");
        code.AppendLine("    public static void Apply(TicketFact ticket)");
        code.AppendLine("    {");
        foreach (var rule in order)
        {
            code.AppendLine($"        // {rule.Name}, salience {rule.Salience}");
            code.AppendLine($"        if ({rule.Condition}) {{ {rule.ActionText} }}");
        }

        code.AppendLine("    }");
        code.AppendLine();
        code.AppendLine("    public static void Trace(TicketFact ticket, List<int> fired)");
        code.AppendLine("    {");
        for (var i = 0; i < order.Count; i++)
        {
            code.AppendLine($"        if ({order[i].Condition}) {{ {order[i].ActionText} fired.Add({i}); }}");
        }

        code.AppendLine("    }");
        code.AppendLine("}");
        return code.ToString();
    }

    private static List<MetadataReference> References()
    {
        string[] platform = ["System.Runtime", "System.Private.CoreLib", "System.Collections", "netstandard"];
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => platform.Contains(Path.GetFileNameWithoutExtension(path)))
            .Append(typeof(TicketFact).Assembly.Location)
            .Append(typeof(NRules.RuleModel.IIdentityProvider).Assembly.Location);
        return [.. paths.Distinct().Select(path => MetadataReference.CreateFromFile(path))];
    }
}
