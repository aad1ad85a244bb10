using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Designer.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(Browser browser)
{
    private const string Password = "process owner passphrase";

    [Fact]
    public async Task SignIn_UserCreatedThroughTheApi_WorksByCookieUntilSignedOut()
    {
        await using var session = await DesignerSession.OpenAsync(browser);
        var user = new { userName = "olga", displayName = "Olga Owner", role = "ProcessOwner", password = Password };
        using var created = await session.Host.Client.PostAsJsonAsync("/api/users", user);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        session.SignInByTest();

        await session.RunAsync(async page =>
        {
            await page.GetByLabel("User name").FillAsync("olga");
            await page.GetByLabel("Password").FillAsync("not the passphrase");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("password is not right");
            await session.ScreenshotAsync("sign-in");

            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-workflow=incident-default]")).ToBeVisibleAsync();
            Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
            Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('workflow.apiKey')"));

            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
            await page.ReloadAsync();
            await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        });

        var cookies = await session.Page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "workflow.session");
    }
}
