using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Compiles the C# inputs of a workflow version (decision conditions, script statements) the way company rules
/// are compiled: against the same narrow references, with the same refusals, and with the same time budget put
/// into every loop and lambda. Errors come back with the node, the input and the line and column of the
/// author's own text. Thread-safe.
/// </summary>
public static class WorkflowScriptCompiler
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>Every problem with the scripts, without building them; empty when they would compile.</summary>
    public static IReadOnlyList<ScriptCompileError> Check(IReadOnlyList<ScriptSource> scripts) =>
        scripts.Count == 0 ? [] : Analyse(scripts).Errors;

    /// <summary>Builds the scripts into one assembly in a collectible context of its own.</summary>
    /// <exception cref="ScriptCompileException">
    /// A script does not compile or uses something scripts may not use.
    /// </exception>
    public static CompiledScripts Compile(string name, IReadOnlyList<ScriptSource> scripts)
    {
        if (scripts.Count == 0)
        {
            return CompiledScripts.None;
        }

        var (errors, compilation, tree, model, company) = Analyse(scripts);
        if (errors.Count > 0)
        {
            throw new ScriptCompileException(errors);
        }

        var guarded = tree!.WithRootAndOptions(new BudgetRewriter(model!, company).Visit(tree.GetRoot()), tree.Options);
        using var image = new MemoryStream();
        var emitted = compilation!.ReplaceSyntaxTree(tree, guarded).Emit(image);
        if (!emitted.Success)
        {
            var messages = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The guarded scripts failed to build: " + string.Join("; ", messages));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext($"scripts:{name}", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var guard = (RuleGuard)assembly.GetType($"{ScriptFrame.Namespace}.{RuleSource.GuardHolder}")!
            .GetField("Guard")!.GetValue(null)!;
        var entries = new Delegate[scripts.Count];
        for (var i = 0; i < scripts.Count; i++)
        {
            guard.Names[i] = $"{scripts[i].NodeId}.{scripts[i].Input}";
            var run = assembly.GetType($"{ScriptFrame.Namespace}.{ScriptFrame.ClassOf(i)}")!.GetMethod("Run")!;
            entries[i] = scripts[i].Kind == ScriptKind.Condition
                ? run.CreateDelegate<Func<TicketFact, bool>>()
                : run.CreateDelegate<Action<TicketFact>>();
        }

        return new CompiledScripts(scripts, entries, guard, context);
    }

    private static (
        List<ScriptCompileError> Errors,
        CSharpCompilation? Compilation,
        SyntaxTree? Tree,
        SemanticModel? Model,
        IReadOnlyList<(int Start, int End)> Company) Analyse(IReadOnlyList<ScriptSource> scripts)
    {
        // Each text is read on its own first, so a stray brace is reported where it was typed and can never
        // close a piece of the generated frame around it.
        var errors = scripts.SelectMany(Syntax).ToList();
        if (errors.Count > 0)
        {
            return (errors, null, null, null, []);
        }

        var (code, company) = ScriptFrame.Write(scripts);
        var tree = CSharpSyntaxTree.ParseText(code, Parse);
        var compilation = CompanyRuleCompiler.Compilation($"WorkflowScripts.{Guid.NewGuid():N}", tree);
        var model = compilation.GetSemanticModel(tree);

        errors.AddRange(compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Error(scripts, d.Location, d.GetMessage())));
        errors.AddRange(RuleSafety.Check(tree, model, company)
            .Select(r => Error(scripts, r.Where, r.Reason))
            .DistinctBy(e => (e.NodeId, e.Input, e.Line)));
        return ([.. errors.Distinct()], compilation, tree, model, company);
    }

    private static IEnumerable<ScriptCompileError> Syntax(ScriptSource script)
    {
        if (string.IsNullOrWhiteSpace(script.Text))
        {
            return [new ScriptCompileError(script.NodeId, script.Input, 1, 1, "the code is empty.")];
        }

        var found = script.Kind == ScriptKind.Condition
            ? RuleSyntax.ExpressionErrors(script.Text)
            : RuleSyntax.StatementErrors(script.Text);
        return found.Select(e => new ScriptCompileError(script.NodeId, script.Input, e.Line, e.Column, e.Message));
    }

    /// <summary>Maps a position in the generated code back to the node input and the text its author wrote.</summary>
    private static ScriptCompileError Error(IReadOnlyList<ScriptSource> scripts, Location location, string message)
    {
        var span = location.GetMappedLineSpan();
        var file = span.HasMappedPath ? span.Path : "";
        var colon = file.IndexOf(':');
        if (colon < 0 || !int.TryParse(file[(colon + 1)..], out var index) || index >= scripts.Count)
        {
            // Only an author's mistake can break the frame; blame the first script rather than lose the message.
            return new ScriptCompileError(scripts[0].NodeId, scripts[0].Input, 1, 1, message);
        }

        var script = scripts[index];
        var (line, column) = RuleSyntax.Within(
            script.Text,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1);
        return new ScriptCompileError(script.NodeId, script.Input, line, column, message);
    }
}
