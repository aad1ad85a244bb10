using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Designer.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CatalogEditorTests(Browser browser)
{
    [Fact]
    public async Task Categories_RefusedThenConflictThenSaved_TheApiServesTheRenamedCategory()
    {
        await using var session = await DesignerSession.OpenAsync(browser);
        var network = await IndexOfAsync(session.Host, "Network");

        await session.RunAsync(async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Categories", Exact = true }).ClickAsync();
            await Expect(page.GetByLabel($"name of category {network}")).ToHaveValueAsync("Network");
            await page.GetByLabel($"name of category {network}").FillAsync("Networking");
            await page.GetByRole(AriaRole.Button, new() { Name = $"add subcategory to category {network}" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            // The new subcategory is blank: the server's words stand beside it and nothing is saved.
            var blank = page.Locator(".tree > li").Nth(network - 1).Locator(".field-error");
            await Expect(blank).ToContainTextAsync("is required: a subcategory needs a name.");
            await session.ScreenshotAsync("categories-editor");

            await page.GetByRole(AriaRole.Button, new() { Name = $"remove subcategory 6 of category {network}" })
                .ClickAsync();
            await SaveTreeElsewhereAsync(session.Host);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else saved the category tree");

            await page.GetByRole(AriaRole.Button, new() { Name = "Load their version" }).ClickAsync();
            await Expect(page.GetByLabel("name of category 1")).ToHaveValueAsync("Facilities");
            await page.GetByLabel("name of category 2").FillAsync("Networking");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved the category tree as version 3.");
        });

        var tree = await session.Host.GetJsonAsync("/api/categories");
        var names = tree["categories"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["Facilities", "Networking"], names);
    }

    [Fact]
    public async Task Priority_MatrixCellChanged_TheApiServesTheNewCell()
    {
        await using var session = await DesignerSession.OpenAsync(browser);

        await session.RunAsync(async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Priority", Exact = true }).ClickAsync();
            var cell = page.GetByLabel("priority for impact 3 and urgency 3");
            await Expect(cell).ToHaveValueAsync("Low");
            await cell.SelectOptionAsync("Medium");
            await page.GetByLabel("level 1 name").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.Locator("td").Filter(new() { Has = page.GetByLabel("level 1 name") }))
                .ToContainTextAsync("is required.");

            await page.GetByLabel("level 1 name").FillAsync("Urgent");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved the priority scheme as version 2.");
            await session.ScreenshotAsync("priority-editor");
        });

        var scheme = await session.Host.GetJsonAsync("/api/priority-scheme");
        Assert.Equal("Medium", scheme["matrix"]![2]![2]!.GetValue<string>());
        Assert.Equal("Urgent", scheme["levels"]![0]!["name"]!.GetValue<string>());
    }

    /// <summary>The 1-based position of a category on the screen, which lists the tree in the API's order.</summary>
    private static async Task<int> IndexOfAsync(DesignerHost host, string name)
    {
        var tree = await host.GetJsonAsync("/api/categories");
        var names = tree["categories"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        return names.IndexOf(name) + 1;
    }

    /// <summary>Another process owner saves a tree of their own while the screen still has version 1.</summary>
    private static async Task SaveTreeElsewhereAsync(DesignerHost host)
    {
        var tree = new JsonObject
        {
            ["categories"] = new JsonArray(
                new JsonObject { ["name"] = "Facilities", ["subcategories"] = new JsonArray("Lighting") },
                new JsonObject { ["name"] = "Network", ["subcategories"] = new JsonArray("VPN") }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/categories")
        {
            Content = JsonContent.Create(tree),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
