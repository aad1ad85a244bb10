using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Workflow.Designer.Tests;

/// <summary>
/// One test's host and browser page at 1280x800, signed in with the administrator key. <see cref="RunAsync"/>
/// saves a screenshot named after the test when the steps fail, and adds the page's script errors to the failure.
/// </summary>
internal sealed class DesignerSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _test;
    private readonly List<string> _pageErrors = [];
    private bool _signedIn;

    private DesignerSession(DesignerHost host, IBrowserContext context, IPage page, string test)
    {
        Host = host;
        _context = context;
        Page = page;
        _test = test;
        page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public DesignerHost Host { get; }

    public IPage Page { get; }

    public static async Task<DesignerSession> OpenAsync(Browser browser, [CallerMemberName] string test = "")
    {
        var host = await DesignerHost.StartAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new DesignerSession(host, context, page, test);
    }

    /// <summary>
    /// Opens the designer (signing in the first time) and runs the steps; on failure saves <c>failure-TEST.png</c>
    /// and rethrows with the page's errors.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> steps)
    {
        try
        {
            await Page.GotoAsync(Host.DesignerUrl.ToString());
            if (!_signedIn)
            {
                await Page.GetByLabel("API key").FillAsync(Host.Key);
                await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                _signedIn = true;
            }

            await steps(Page);
        }
        catch (Exception ex)
        {
            var path = Path.Combine(Browser.ScreenshotFolder, $"failure-{_test}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            var errors = _pageErrors.Count == 0 ? "none" : string.Join(" | ", _pageErrors);
            throw new InvalidOperationException($"{ex.Message} (screenshot {path}; page errors: {errors})", ex);
        }
    }

    /// <summary>Leaves signing in to the test's own steps instead of pasting the administrator key.</summary>
    public void SignInByTest() => _signedIn = true;

    /// <summary>Saves a screenshot of a main screen for the record.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Browser.ScreenshotFolder, $"{name}.png"),
        });

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await Host.DisposeAsync();
    }
}
