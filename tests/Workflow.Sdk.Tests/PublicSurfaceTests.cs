using System.Reflection;
using PublicApiGenerator;
using Workflow.Sdk.Plugins;

namespace Workflow.Sdk.Tests;

/// <summary>
/// The SDK's public surface is what every plugin compiles against, so any change to it must be deliberate: the
/// test compares it with the approved text beside this project and writes what it found to a
/// <c>.received.txt</c> file when they differ. Copy that file over the approved one to accept a change.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void PublicSurface_ComparedWithApprovedText_IsUnchanged()
    {
        var approvedPath = typeof(PublicSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ApprovedApi").Value!;
        var options = new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] };

        var actual = Normalise(typeof(IPlugin).Assembly.GeneratePublicApi(options));

        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : "";
        var receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
        if (actual != approved)
        {
            File.WriteAllText(receivedPath, actual);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(
            actual == approved,
            $"The SDK's public surface changed. Compare {receivedPath} with {approvedPath}; if the change is "
            + "intended, copy the received file over the approved one (and raise SdkInfo.MajorVersion when it "
            + "breaks existing plugins).");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Trim() + "\n";
}
