using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>GET /api/health answers while the host runs, and the host listens where it was told to.</summary>
public sealed class HealthApiTests
{
    [Fact]
    public async Task GetHealth_RunningHost_Returns200WithStatusOk()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_PortZero_BindsAFreePortOnLoopbackOnly()
    {
        await using var host = await TestHost.StartAsync();

        var address = host.Address;

        Assert.Equal(("http", "127.0.0.1"), (address.Scheme, address.Host));
        Assert.NotEqual(0, address.Port);
    }
}
