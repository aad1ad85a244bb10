using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Designer.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RulesEditorTests(Browser browser)
{
    private const string Rule = "VPN to network team";

    [Fact]
    public async Task Rules_CompileErrorFixedTriedSimulated_PublishesTheRule()
    {
        await using var session = await DesignerSession.OpenAsync(browser);
        var stored = await session.Host.CreateTicketAsync("VPN drops every ten minutes");

        await session.RunAsync(async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Rules", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has no versions yet");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            await page.GetByLabel("rule name").FillAsync(Rule);
            await page.GetByLabel("salience").FillAsync("10");
            await page.GetByLabel("action").SelectOptionAsync("setAssignmentGroup");
            await page.GetByLabel("value").FillAsync("Network team");
            await TypeConditionAsync(page, "ticket.Mentions(\"vpn\") &&");

            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(page.Locator(".compile-errors li").First).ToContainTextAsync("line 1, column");
            await Expect(page.Locator(".code .squiggly-error").First).ToBeAttachedAsync();
            await session.ScreenshotAsync("rules-editor");

            await TypeConditionAsync(page, "ticket.Mentions(\"vpn\")");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("All 1 rules compile.");
            await Expect(page.Locator(".compile-errors")).ToHaveCountAsync(0);

            await page.GetByLabel("sample subject").FillAsync("VPN drops at home");
            await page.GetByRole(AriaRole.Button, new() { Name = "Try", Exact = true }).ClickAsync();
            await Expect(page.Locator(".tried li").Filter(new() { HasText = Rule })).ToContainTextAsync("Network team");

            await page.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
            var change = page.Locator(".simulation tbody tr").Filter(new() { HasText = "Network team" });
            await Expect(change).ToContainTextAsync($"#{stored}");
            await Expect(change).ToContainTextAsync(Rule);
            await session.ScreenshotAsync("simulation-result");

            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published version 1; it is now in force.");
        });

        var versions = await session.Host.GetJsonAsync("/api/rule-sets/company/versions");
        var exported = await session.Host.GetJsonAsync("/api/rule-sets/company/versions/1");
        Assert.Equal("Published", versions[0]!["status"]!.GetValue<string>());
        Assert.Equal("ticket.Mentions(\"vpn\")", exported["rules"]![0]!["condition"]!.GetValue<string>());
        Assert.Equal(10, exported["rules"]![0]!["salience"]!.GetValue<int>());
    }

    /// <summary>Replaces the condition's text by typing, as a user does in the code editor.</summary>
    private static async Task TypeConditionAsync(IPage page, string text)
    {
        await page.Locator($".code[data-label='condition of {Rule}'] .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }
}
