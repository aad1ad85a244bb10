using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Designer.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WorkflowCanvasTests(Browser browser)
{
    private const string Default = "incident-default";

    [Fact]
    public async Task Canvas_WorkflowBuiltFromPalette_PublishesAndRunsNewTickets()
    {
        await using var session = await DesignerSession.OpenAsync(browser);

        await session.RunAsync(async page =>
        {
            await page.ListButtonAsync(Default, "New draft");
            await Expect(page.Node("triage")).ToBeVisibleAsync();
            await page.Locator(".canvas").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Delete");
            await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(0);

            await page.DropAsync("identify", 150, 60);
            await page.DropAsync("humanTask", 150, 260);
            await page.DropAsync("end", 150, 480);
            await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3);
            await page.ConnectAsync("identify1", "incident", "humanTask1");
            await page.ConnectAsync("identify1", "serviceRequest", "humanTask1");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);
            await session.ScreenshotAsync("workflow-canvas");

            await page.SelectAsync("humanTask1");
            await page.SetInputAsync("title", "Work on it");
            await page.SetInputAsync("outcomes", " ");
            await Expect(page.Locator(".properties .field-error")).ToHaveTextAsync("outcomes is required.");
            await session.ScreenshotAsync("properties-inline-error");
            await page.SetInputAsync("outcomes", "resolve");
            await Expect(page.Locator(".properties .field-error")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
            await Expect(page.Node("humanTask1").Locator(".node-problem").First)
                .ToHaveTextAsync("Outcome 'resolve' is not connected.");
            await Expect(page.Node("humanTask1").Locator(".node.invalid")).ToBeVisibleAsync();
            await page.ConnectAsync("humanTask1", "resolve", "end1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
            await Expect(page.Locator(".node-problem")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published version 2.");
        });

        var id = await session.Host.CreateTicketAsync("Printer on floor 3 is jammed");
        var ticket = await session.Host.GetJsonAsync($"/api/tickets/{id}");
        var published = await session.Host.GetJsonAsync($"/api/workflows/{Default}/versions/2");
        Assert.Equal(2, ticket["workflow"]!["version"]!.GetValue<int>());
        Assert.Equal("humanTask1", ticket["workflow"]!["node"]!.GetValue<string>());
        Assert.Equal("Work on it", published["document"]!["nodes"]![1]!["inputs"]!["title"]!.GetValue<string>());

        await session.RunAsync(async page =>
        {
            await page.ListButtonAsync(Default, "v2 Published");
            await Expect(page.Locator(".node-live[data-live='humanTask1']")).ToHaveTextAsync("1 open · 0 breached");
            await page.SelectAsync("humanTask1");
            await Expect(page.Locator(".tickets li"))
                .ToHaveTextAsync($"#{id} Printer on floor 3 is jammed · New · no priority");
            await session.ScreenshotAsync("live-view");
        });
    }

    [Fact]
    public async Task Canvas_UndoRedoAndDelete_RestoreEachStep()
    {
        await using var session = await DesignerSession.OpenAsync(browser);

        await session.RunAsync(async page =>
        {
            await page.GetByLabel("new workflow id").FillAsync("undo-flow");
            await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
            await page.DropAsync("log", 150, 60);
            await page.DropAsync("end", 150, 300);
            await page.ConnectAsync("log1", "done", "end1");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);

            await page.Keyboard.PressAsync("Control+Z");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("Control+Z");
            await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Control+Y");
            await page.Keyboard.PressAsync("Control+Y");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);

            await page.SelectAsync("end1");
            await page.Keyboard.PressAsync("Delete");
            await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(1);
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
            await Expect(page.Node("end1")).ToBeVisibleAsync();
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task Canvas_PublishedVersionOpenedAndClosed_CreatesNoDraft()
    {
        await using var session = await DesignerSession.OpenAsync(browser);

        await session.RunAsync(async page =>
        {
            await page.ListButtonAsync(Default, "v1 Published");
            await Expect(page.Node("triage")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "← Workflows" }).ClickAsync();
            await Expect(page.Locator($"tr[data-workflow='{Default}']")).ToBeVisibleAsync();
        });

        var workflow = await session.Host.GetJsonAsync($"/api/workflows/{Default}");
        Assert.Null(workflow["draft"]);
        Assert.Equal(1, workflow["published"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Draft_SavedBySomeoneElseFirst_ShowsTheNoticeAndKeepsTheirs()
    {
        await using var session = await DesignerSession.OpenAsync(browser);
        var document = new JsonObject
        {
            ["id"] = "shared",
            ["start"] = "a",
            ["nodes"] = new JsonArray(new JsonObject { ["id"] = "a", ["type"] = "end", ["inputs"] = new JsonObject(),
                ["position"] = new JsonObject { ["x"] = 100, ["y"] = 100 } }),
            ["connections"] = new JsonArray(),
        };
        using (var created = await session.Host.Client.PutAsJsonAsync("/api/workflows/shared/draft", document))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        await session.RunAsync(async page =>
        {
            await page.ListButtonAsync("shared", "Edit draft");
            await Expect(page.Node("a")).ToBeVisibleAsync();
            var theirs = document.DeepClone();
            theirs["name"] = "Saved by a colleague";
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/shared/draft")
            {
                Content = JsonContent.Create(theirs),
            };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using (var saved = await session.Host.Client.SendAsync(request))
            {
                Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            }

            await page.DropAsync("log", 300, 300);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else saved this draft first");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load their version" }).ClickAsync();
            await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(1);
        });

        var draft = await session.Host.GetJsonAsync("/api/workflows/shared/draft");
        Assert.Equal("Saved by a colleague", draft["document"]!["name"]!.GetValue<string>());
        Assert.Single(draft["document"]!["nodes"]!.AsArray());
    }
}
