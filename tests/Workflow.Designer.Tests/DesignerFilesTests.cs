using System.Net;

namespace Workflow.Designer.Tests;

/// <summary>The host serves the built designer without a key, and answers 404 for a file it does not have.</summary>
public sealed class DesignerFilesTests
{
    [Fact]
    public async Task Get_Root_RedirectsToTheDesignersPage()
    {
        await using var host = await DesignerHost.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = host.Address,
        };

        using var root = await client.GetAsync("/");
        using var page = await client.GetAsync("/designer/");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/designer/", root.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_FileTheDesignerDoesNotHave_Returns404()
    {
        await using var host = await DesignerHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await client.GetAsync("/designer/assets/nope.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
