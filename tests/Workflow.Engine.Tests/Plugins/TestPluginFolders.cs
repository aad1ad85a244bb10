using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Plugins;

namespace Workflow.Engine.Tests.Plugins;

/// <summary>
/// A temporary plugins directory filled with copies of the test plugins the build put under
/// <c>tests/TestPlugins/bin</c>. Disposing it deletes the directory.
/// </summary>
internal sealed class TestPluginFolders : IDisposable
{
    private static readonly string Built = typeof(TestPluginFolders).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestPlugins").Value!;

    public TestPluginFolders(params string[] plugins)
    {
        Directory.CreateDirectory(Path);
        foreach (var plugin in plugins)
        {
            Copy(System.IO.Path.Combine(Built, plugin), System.IO.Path.Combine(Path, plugin));
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"plugins-{Guid.NewGuid():N}");

    public static PluginContext Context(string plugin) =>
        new(new Dictionary<string, string>(), new FakeTimeProvider(), new NoJobs());

    public void Dispose()
    {
        // Unloaded plugin assemblies may still be mapped until the collector runs; leftovers are only temp files.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"The test plugin {from} was not built.");
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class NoJobs : IJobScheduler
    {
        public void Schedule(PluginJob job, TimeSpan delay) =>
            throw new ArgumentException($"No handler is registered for '{job.Kind}'.", nameof(job));
    }
}
