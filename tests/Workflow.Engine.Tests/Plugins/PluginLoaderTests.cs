using System.Reflection;
using System.Runtime.Loader;
using Workflow.Engine.Categories;
using Workflow.Engine.Plugins;
using Workflow.Engine.Rules;
using Workflow.Sdk.Plugins;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Plugins;

public sealed class PluginLoaderTests
{
    [Fact]
    public void LoadAll_WellFormedPlugin_ReportsItsNameVersionSdkAndContributions()
    {
        using var folders = new TestPluginFolders("TestPlugins.Good");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        var plugin = Assert.Single(set.Loaded);
        Assert.Empty(set.Refused);
        Assert.Equal(new PluginInfo("Good", "1.2.3", "A telephony category with one rule."), plugin.Info);
        Assert.Equal(typeof(IPlugin).Assembly.GetName().Version, plugin.SdkVersion);
        Assert.Equal(["Desk phone", "Headset"], plugin.Contributions.Categories["Telephony"]);
        Assert.Equal(
            ["category Telephony (Desk phone, Headset)", "rule Good: desk phone"],
            plugin.Contributions.Describe());
    }

    [Fact]
    public void LoadAll_PluginRules_CategoriseBesideTheHostsRules()
    {
        using var folders = new TestPluginFolders("TestPlugins.Good");
        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);
        var engine = RuleEngine.Build(set.Rules, [], "plugins");
        var tree = set.MergeInto(CategoryTree.Default());

        var evaluation = engine.Evaluate(new TicketFact("T1") { Subject = "Extension 4411 is dead" });

        Assert.Equal("Telephony", evaluation.Fact.Category);
        Assert.Equal("Desk phone", evaluation.Fact.Subcategory);
        Assert.Equal("Good: desk phone", Assert.Single(evaluation.Fired).Name);
        Assert.True(tree.Contains("Telephony", "Headset"));
        Assert.True(tree.Contains("Network", "VPN"));
    }

    [Fact]
    public void LoadAll_PluginCarryingItsOwnSdk_UsesTheHostsSdkTypes()
    {
        using var folders = new TestPluginFolders("TestPlugins.OwnSdk");
        var ownCopy = Path.Combine(folders.Path, "TestPlugins.OwnSdk", "Workflow.Sdk.dll");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.True(File.Exists(ownCopy));
        Assert.Equal("OwnSdk", Assert.Single(set.Loaded).Info.Name);
        var context = AssemblyLoadContext.All.Last(c => c.Name == "plugin:TestPlugins.OwnSdk");
        var sdkSeenByPlugin = context.LoadFromAssemblyName(new AssemblyName("Workflow.Sdk"));
        Assert.Same(typeof(IPlugin).Assembly, sdkSeenByPlugin);
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "Workflow.Sdk");
    }

    [Fact]
    public void LoadAll_TwoPluginsWithDifferentVersionsOfOneLibrary_EachGetsItsOwnVersion()
    {
        using var folders = new TestPluginFolders("TestPlugins.ConflictA", "TestPlugins.ConflictB");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Empty(set.Refused);
        var a = set.Loaded.Single(p => p.Info.Name == "ConflictA").Contributions.Categories["ConflictA"];
        var b = set.Loaded.Single(p => p.Info.Name == "ConflictB").Contributions.Categories["ConflictB"];
        Assert.Equal(["1.0.0.0", "library 1.0"], a);
        Assert.Equal(["2.0.0.0", "library 2.0"], b);
    }

    [Fact]
    public void LoadAll_PluginBuiltForAnotherSdkMajor_IsRefusedNamingBothVersions()
    {
        using var folders = new TestPluginFolders("TestPlugins.WrongMajor");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Empty(set.Loaded);
        var refusal = Assert.Single(set.Refused);
        Assert.Equal("TestPlugins.WrongMajor", refusal.Plugin);
        Assert.Equal(
            "it was built for Workflow.Sdk 2.0.0; this host runs SDK major version 1 (1.0.0).",
            refusal.Reason);
    }

    [Fact]
    public void LoadAll_PluginThrowingWhileRegistering_IsRefusedWithTheMessage()
    {
        using var folders = new TestPluginFolders("TestPlugins.Throwing");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Empty(set.Loaded);
        var refusal = Assert.Single(set.Refused);
        Assert.Equal("Throwing", refusal.Plugin);
        Assert.Equal("it threw while loading: InvalidOperationException: the licence file is missing", refusal.Reason);
    }

    [Fact]
    public void LoadAll_PluginMissingADependency_IsRefusedNamingIt()
    {
        using var folders = new TestPluginFolders("TestPlugins.MissingDependency");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Empty(set.Loaded);
        var refusal = Assert.Single(set.Refused);
        Assert.Equal("its dependency TestPlugins.Helper 1.0.0 is missing from the folder.", refusal.Reason);
    }

    [Fact]
    public void LoadAll_FolderWithoutItsAssembly_IsRefused()
    {
        using var folders = new TestPluginFolders();
        Directory.CreateDirectory(Path.Combine(folders.Path, "Empty"));

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Equal("the folder holds no Empty.dll.", Assert.Single(set.Refused).Reason);
    }

    [Fact]
    public void LoadAll_GoodAndBadPluginsTogether_LoadsTheGoodOnesAndRefusesEachBadOne()
    {
        using var folders = new TestPluginFolders(
            "TestPlugins.ConflictA",
            "TestPlugins.ConflictB",
            "TestPlugins.Good",
            "TestPlugins.MissingDependency",
            "TestPlugins.OwnSdk",
            "TestPlugins.Throwing",
            "TestPlugins.WrongMajor");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context);

        Assert.Equal(["ConflictA", "ConflictB", "Good", "OwnSdk"], set.Loaded.Select(p => p.Info.Name));
        Assert.Equal(
            ["TestPlugins.MissingDependency", "Throwing", "TestPlugins.WrongMajor"],
            set.Refused.Select(r => r.Plugin));
    }

    [Fact]
    public void LoadAll_PluginTakingABuiltInActivityType_IsRefusedNamingIt()
    {
        using var folders = new TestPluginFolders("TestPlugins.Activity", "TestPlugins.Good");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context, ["categorise", "prioritise"]);

        Assert.Equal("Good", Assert.Single(set.Loaded).Info.Name);
        var refusal = Assert.Single(set.Refused);
        Assert.Equal(("Activity", "its activity type 'categorise' is taken."), (refusal.Plugin, refusal.Reason));
    }

    [Fact]
    public void LoadAll_PluginActivityWithAFreeType_IsListed()
    {
        using var folders = new TestPluginFolders("TestPlugins.Activity");

        var set = PluginLoader.LoadAll(folders.Path, TestPluginFolders.Context, ["prioritise"]);

        Assert.Equal(["activity categorise"], Assert.Single(set.Loaded).Contributions.Describe());
    }

    [Fact]
    public void LoadAll_MissingDirectory_LoadsNothing()
    {
        var absent = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}");

        var set = PluginLoader.LoadAll(absent, TestPluginFolders.Context);

        Assert.Empty(set.Loaded);
        Assert.Empty(set.Refused);
    }
}
