using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NRules.Fluent;
using Workflow.Engine.Rules;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Compiles one version of a company rule set into one assembly, loaded into its own collectible context and
/// turned into NRules rule definitions. Refusals and compile errors come back with the line and column of
/// the text the process owner wrote. Thread-safe.
/// </summary>
public sealed class CompanyRuleCompiler
{
    private const string Generated = "generated";

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <exception cref="RuleCompileException">A rule does not compile or uses something rules may not use.</exception>
    public CompiledRuleSet Compile(string name, IReadOnlyList<CompanyRule> rules)
    {
        var errors = CheckNames(rules);
        errors.AddRange(rules.SelectMany(RuleSyntax.Check));
        if (errors.Count > 0)
        {
            throw new RuleCompileException(errors);
        }

        var (code, company) = RuleSource.Write(rules);
        var tree = CSharpSyntaxTree.ParseText(code, Parse);
        var compilation = Compilation($"CompanyRules.{Sanitize(name)}.{Guid.NewGuid():N}", tree);
        var model = compilation.GetSemanticModel(tree);

        errors.AddRange(compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Error(rules, d.Location, d.GetMessage())));
        // One refusal per line: System.IO.File.Delete is one offence, not three.
        errors.AddRange(RuleSafety.Check(tree, model, company)
            .Select(r => Error(rules, r.Where, r.Reason))
            .DistinctBy(e => (e.Rule, e.Part, e.Line)));
        errors.AddRange(NotBoolean(tree, model, company).Select(r => Error(rules, r.Where, r.Reason)));
        if (errors.Count > 0)
        {
            // An error in the generated frame is only the echo of an author's mistake when there is one.
            var authors = errors.Where(e => e.Part != Generated).ToList();
            throw new RuleCompileException([.. (authors.Count > 0 ? authors : errors).Distinct()]);
        }

        var guarded = tree.WithRootAndOptions(new BudgetRewriter(model, company).Visit(tree.GetRoot()), tree.Options);
        return Load(name, rules, compilation.ReplaceSyntaxTree(tree, guarded));
    }

    private static CompiledRuleSet Load(string name, IReadOnlyList<CompanyRule> rules, CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var messages = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The guarded rule set failed to build: " + string.Join("; ", messages));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext($"rules:{name}", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var guard = (RuleGuard)assembly.GetType($"{RuleSource.Namespace}.{RuleSource.GuardHolder}")!
            .GetField("Guard")!.GetValue(null)!;
        for (var i = 0; i < rules.Count; i++)
        {
            guard.Names[i] = rules[i].Name;
        }

        var repository = new RuleRepository();
        repository.Load(spec => spec.From(assembly));
        var definitions = repository.GetRuleSets().SelectMany(set => set.Rules).ToList();
        return new CompiledRuleSet(name, definitions, guard, context);
    }

    /// <summary>A release build of company code against the narrow references, without unsafe code.</summary>
    internal static CSharpCompilation Compilation(string assembly, SyntaxTree tree) => CSharpCompilation.Create(
        assembly,
        [tree],
        RuleReferences.All,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Enable));

    private static List<RuleCompileError> CheckNames(IReadOnlyList<CompanyRule> rules)
    {
        var errors = new List<RuleCompileError>();
        foreach (var twice in rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleCompileError(twice.Key, "name", 1, 1, "the name is used by another rule in the set."));
        }

        foreach (var rule in rules.Where(r => string.IsNullOrWhiteSpace(r.Name)))
        {
            errors.Add(new RuleCompileError("(unnamed)", "name", 1, 1, "every rule needs a name."));
        }

        foreach (var rule in rules.Where(r => string.IsNullOrWhiteSpace(r.Condition)))
        {
            errors.Add(new RuleCompileError(rule.Name, "condition", 1, 1, "the condition is empty."));
        }

        return errors;
    }

    /// <summary>Conditions whose value is not true or false, reported at the start of the author's text.</summary>
    private static IEnumerable<(Location Where, string Reason)> NotBoolean(
        SyntaxTree tree,
        SemanticModel model,
        IReadOnlyList<(int Start, int End)> company)
    {
        var root = tree.GetRoot();
        for (var i = 0; i < company.Count; i += 2)
        {
            var (start, end) = company[i];
            var condition = root.DescendantNodes(n => n.Span.IntersectsWith(new TextSpan(start, end - start)))
                .OfType<ExpressionSyntax>()
                .FirstOrDefault(n => n.Span.Start >= start && n.Span.End <= end);
            var type = condition is null ? null : model.GetTypeInfo(condition).Type;
            if (type is not null && type.TypeKind != TypeKind.Error && type.SpecialType != SpecialType.System_Boolean)
            {
                yield return (condition!.GetLocation(),
                    $"the condition must be true or false, but it gives a '{type.ToDisplayString()}'.");
            }
        }
    }

    /// <summary>Maps a position in the generated code back to the rule and the text its author wrote.</summary>
    private static RuleCompileError Error(IReadOnlyList<CompanyRule> rules, Location location, string message)
    {
        var span = location.GetMappedLineSpan();
        var file = span.HasMappedPath ? span.Path : "";
        var colon = file.IndexOf(':');
        if (colon < 0 || !int.TryParse(file[(colon + 1)..], out var index) || index >= rules.Count)
        {
            return new RuleCompileError("(rule set)", Generated, span.StartLinePosition.Line + 1, 1, message);
        }

        var part = file[..colon];
        var text = part == RuleSource.ConditionFile ? rules[index].Condition : RuleSource.ActionCode(rules[index]);
        var (line, column) = RuleSyntax.Within(
            text,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1);
        return new RuleCompileError(rules[index].Name, part, line, column, message);
    }

    internal static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '_')]);
}
