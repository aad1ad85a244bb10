using System.Diagnostics;
using System.Reflection;
using Workflow.Engine.Plugins;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Plugins;

/// <summary>
/// Follows sdk/README.md: packs the SDK, installs the category template into a private template hive, creates
/// a plugin from it outside the repository, builds it against the packed SDK only (restored offline from a
/// private package folder) and loads the build output as the host would.
/// </summary>
public sealed class CategoryTemplateTests : IDisposable
{
    private static readonly string Root = Metadata("RepositoryRoot");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("template-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task NewCategoryPlugin_BuiltAsGenerated_LoadsAndCategorises()
    {
        var feed = Path.Combine(_work.FullName, "feed");
        var hive = Path.Combine(_work.FullName, "hive");
        var project = Path.Combine(_work.FullName, "Acme.Facilities");
        await DotnetAsync(_work.FullName, "pack", Path.Combine(Root, "sdk/Workflow.Sdk/Workflow.Sdk.csproj"),
            "-c", Metadata("Configuration"), "--no-build", "-o", feed);
        await DotnetAsync(_work.FullName, "new", "install", Path.Combine(Root, "sdk/templates/Workflow.Plugins.Category"),
            "--debug:custom-hive", hive);
        await DotnetAsync(_work.FullName, "new", "workflow-category-plugin", "-n", "Acme.Facilities", "-o", project,
            "--category", "Facilities", "--debug:custom-hive", hive);
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), NugetConfig(feed));

        await DotnetAsync(project, "build", "-o", Path.Combine(_work.FullName, "plugins", "Acme.Facilities"));
        var set = PluginLoader.LoadAll(Path.Combine(_work.FullName, "plugins"), TestPluginFolders.Context);

        var plugin = Assert.Single(set.Loaded);
        Assert.Empty(set.Refused);
        Assert.Equal("Acme.Facilities", plugin.Info.Name);
        Assert.Equal(["Heating", "Lighting"], plugin.Contributions.Categories["Facilities"]);
        var fact = new TicketFact("T1") { Subject = "Radiator in room 4 is cold" };
        RuleEngine.Build(set.Rules, [], "template").Evaluate(fact);
        Assert.Equal(("Facilities", "Heating"), (fact.Category, fact.Subcategory));
        set.Unload();
    }

    /// <summary>Only the packed SDK and packages this machine already holds: no registry is asked.</summary>
    private string NugetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config><add key="globalPackagesFolder" value="{Path.Combine(_work.FullName, "packages")}" /></config>
          <packageSources>
            <clear />
            <add key="sdk" value="{feed}" />
            <add key="machine" value="{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}" />
          </packageSources>
        </configuration>
        """;

    private static async Task DotnetAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);

        Assert.True(
            process.ExitCode == 0,
            $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    private static string Metadata(string key) => typeof(CategoryTemplateTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
