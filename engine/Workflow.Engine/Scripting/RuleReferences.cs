using Microsoft.CodeAnalysis;

namespace Workflow.Engine.Scripting;

/// <summary>The narrow set of assemblies company rules compile against; anything else does not resolve.</summary>
internal static class RuleReferences
{
    private static readonly string[] PlatformNames =
    [
        "System.Runtime", "System.Private.CoreLib", "netstandard", "System.Linq", "System.Linq.Expressions",
        "System.Collections", "System.Text.RegularExpressions", "System.Runtime.Extensions",
    ];

    public static IReadOnlyList<MetadataReference> All { get; } = Build();

    private static List<MetadataReference> Build()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => PlatformNames.Contains(Path.GetFileNameWithoutExtension(path)));

        var own = new[]
        {
            typeof(Sdk.Rules.TicketFact).Assembly.Location,
            typeof(NRules.Fluent.Dsl.Rule).Assembly.Location,
            typeof(NRules.RuleModel.IContext).Assembly.Location,
            typeof(Rules.RuleGuard).Assembly.Location,
        };

        return [.. platform.Concat(own).Distinct().Select(path => MetadataReference.CreateFromFile(path))];
    }
}
