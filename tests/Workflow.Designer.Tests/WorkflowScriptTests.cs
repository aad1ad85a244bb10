using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Designer.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WorkflowScriptTests(Browser browser)
{
    private const string Broken = "ticket.Reporter.Vip && ticket.Subjekt != \"\"";
    private const string Fixed = "ticket.Reporter.Vip || ticket.AffectedUsers > 100";

    [Fact]
    public async Task Decision_ConditionThatDoesNotCompile_IsMarkedInlineAndOnTheNodeUntilFixedAndPublished()
    {
        await using var session = await DesignerSession.OpenAsync(browser);

        await session.RunAsync(async page =>
        {
            await page.GetByLabel("new workflow id").FillAsync("vip-flow");
            await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
            await page.DropAsync("decision", 150, 60);
            // The canvas centres the first node, so the second goes well below it.
            await page.DropAsync("end", 150, 600);
            await page.ConnectAsync("decision1", "true", "end1");
            await page.ConnectAsync("decision1", "false", "end1");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);
            await page.Keyboard.PressAsync("Control+Z");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Control+Shift+Z");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);

            await page.SelectAsync("decision1");
            await TypeConditionAsync(page, Broken);
            await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
            await Expect(page.Node("decision1").Locator(".node-problem").First)
                .ToContainTextAsync("line 1, column 31");
            await Expect(page.Node("decision1").Locator(".node.invalid")).ToBeVisibleAsync();
            await Expect(page.Locator(".properties .node-problems li").First).ToContainTextAsync("Subjekt");
            await Expect(page.Locator(".properties .code[data-label='condition'] .squiggly-error").First)
                .ToBeAttachedAsync();
            await session.ScreenshotAsync("decision-compile-error");

            await TypeConditionAsync(page, Fixed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
            await Expect(page.Locator(".node-problem")).ToHaveCountAsync(0);
            await Expect(page.Locator(".properties .code .squiggly-error")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published version 1.");
        });

        var published = await session.Host.GetJsonAsync("/api/workflows/vip-flow/versions/1");
        var decision = published["document"]!["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "decision1")!;
        Assert.Equal(Fixed, decision["inputs"]!["condition"]!.GetValue<string>());
        Assert.Equal("Published", published["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_TwoVersionsPicked_ShowsWhatChangedBetweenThem()
    {
        await using var session = await DesignerSession.OpenAsync(browser);
        var document = (await session.Host.GetJsonAsync("/api/workflows/incident-default/versions/1"))["document"]!
            .DeepClone();
        document["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "triage")!["inputs"]!["title"] = "Look first";
        using (var saved = await session.Host.Client.PutAsJsonAsync("/api/workflows/incident-default/draft", document))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using (var published = await session.Host.Client.PostAsync("/api/workflows/incident-default/publish", null))
        {
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }

        await session.RunAsync(async page =>
        {
            // The second pick shows the comparison and clears both boxes, so they are clicked, not checked.
            await page.GetByLabel("compare incident-default v2").ClickAsync();
            await page.GetByLabel("compare incident-default v1").ClickAsync();

            var comparison = page.GetByRole(AriaRole.Region, new() { Name = "comparison" });
            await Expect(comparison.Locator("h3")).ToHaveTextAsync("incident-default: version 1 → 2");
            await Expect(comparison.Locator("pre")).ToContainTextAsync("~ node triage:");
            await Expect(comparison.Locator("pre")).ToContainTextAsync("\"title\":\"Look first\"");
            await session.ScreenshotAsync("version-compare");
        });
    }

    /// <summary>Replaces the condition's text by typing, as a user does in the code editor.</summary>
    private static async Task TypeConditionAsync(IPage page, string text)
    {
        await page.Locator(".properties .code[data-label='condition'] .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }
}
