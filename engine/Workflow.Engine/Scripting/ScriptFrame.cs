using System.Text;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Writes the C# of a workflow version's scripts: one static class per node input, its author's text behind a
/// <c>#line</c> directive so that every diagnostic points at the line and column they wrote. The budget holder
/// carries the name the company rules' budget rewriter expects, so both are guarded the same way.
/// </summary>
internal static class ScriptFrame
{
    public const string Namespace = "WorkflowScripts";

    /// <summary>The file name a script is reported under; the index maps it back to its source.</summary>
    public static string FileOf(int index) => $"script:{index}";

    public static string ClassOf(int index) => $"Script{index}";

    public static (string Code, IReadOnlyList<(int Start, int End)> Company) Write(IReadOnlyList<ScriptSource> scripts)
    {
        var code = RuleSource.Prelude(Namespace, scripts.Count);
        var company = new List<(int Start, int End)>();

        for (var i = 0; i < scripts.Count; i++)
        {
            var condition = scripts[i].Kind == ScriptKind.Condition;
            code.AppendLine("#line hidden");
            code.AppendLine($"public static class {ClassOf(i)}");
            code.AppendLine("{");
            code.AppendLine($"    public static {(condition ? "bool" : "void")} Run(TicketFact ticket)");
            code.AppendLine("    {");
            code.AppendLine($"        {RuleSource.GuardHolder}.Guard.EnterAction({i});");
            code.AppendLine(condition ? "        return (" : "        {");
            code.AppendLine($"#line 1 \"{FileOf(i)}\"");
            var start = code.Length;
            code.AppendLine(scripts[i].Text);
            company.Add((start, start + scripts[i].Text.Length));
            code.AppendLine("#line hidden");
            code.AppendLine(condition ? "        );" : "        }");
            code.AppendLine("    }");
            code.AppendLine("}");
        }

        return (code.ToString(), company);
    }
}
