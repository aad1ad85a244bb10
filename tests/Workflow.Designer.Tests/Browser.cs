using Microsoft.Playwright;

namespace Workflow.Designer.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, started once for all designer tests. Playwright's own browsers are
/// never downloaded: the system browser is launched by path, and a test fails with the reason when it is missing.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>Screenshots of each main screen and of every failure land here, beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing; ./test.sh installs Debian's chromium.");
        // Pictures of an earlier run would pass for this one's.
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        // The other test assemblies run beside these on two cores, and a first Roslyn compile then takes seconds.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
