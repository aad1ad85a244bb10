using Microsoft.Playwright;

namespace Workflow.Designer.Tests;

/// <summary>What a user does on the workflow canvas, as mouse and keyboard input.</summary>
internal static class Canvas
{
    public static ILocator Node(this IPage page, string id) => page.Locator($".react-flow__node[data-id='{id}']");

    /// <summary>Clicks a button in a workflow's row of the list, for example "v2 Published" or "Edit draft".</summary>
    public static Task ListButtonAsync(this IPage page, string workflow, string button) =>
        page.Locator($"tr[data-workflow='{workflow}']").GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    /// <summary>Drags an activity from the palette and drops it at a point of the canvas.</summary>
    public static Task DropAsync(this IPage page, string activity, float x, float y) =>
        page.Locator($".palette-item[data-activity='{activity}']").DragToAsync(
            page.Locator(".canvas"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });

    /// <summary>Drags from a node's outcome handle to another node's input handle.</summary>
    public static async Task ConnectAsync(this IPage page, string from, string outcome, string to)
    {
        var source = await Centre(page.Node(from).Locator($".react-flow__handle[data-handleid='{outcome}']"));
        var target = await Centre(page.Node(to).Locator(".react-flow__handle.target"));
        await page.Mouse.MoveAsync(source.X, source.Y);
        await page.Mouse.DownAsync();
        var steps = new MouseMoveOptions { Steps = 5 };
        await page.Mouse.MoveAsync((source.X + target.X) / 2, (source.Y + target.Y) / 2, steps);
        await page.Mouse.MoveAsync(target.X, target.Y, steps);
        await page.Mouse.UpAsync();
    }

    /// <summary>Selects a node by clicking its title.</summary>
    public static Task SelectAsync(this IPage page, string id) => page.Node(id).Locator(".node-title").ClickAsync();

    /// <summary>Types into a properties field and commits it with Enter.</summary>
    public static async Task SetInputAsync(this IPage page, string name, string value)
    {
        var field = page.Locator($"#field-{name}");
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }

    private static async Task<(float X, float Y)> Centre(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not visible.");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
