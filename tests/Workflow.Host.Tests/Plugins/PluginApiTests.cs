using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Plugins;

public sealed class PluginApiTests
{
    [Fact]
    public async Task GetPlugins_ShippedPluginsFolder_ListsTheThreePluginsWithWhatTheyAdd()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting);

        var listing = JsonNode.Parse(await host.Client.GetStringAsync("/api/plugins"))!;

        var plugins = listing["plugins"]!.AsArray();
        Assert.Equal(["Mail", "Network", "Webhook"], plugins.Select(p => (string)p!["name"]!).Order());
        Assert.Empty(listing["refused"]!.AsArray());
        var network = plugins.Single(p => (string)p!["name"]! == "Network")!;
        Assert.Equal("1.0.0", (string)network["version"]!);
        Assert.Equal("1.0.0", (string)network["sdk"]!);
        Assert.Contains("rule Network: site-wide outage", network["adds"]!.AsArray().Select(a => (string)a!));
        var webhook = plugins.Single(p => (string)p!["name"]! == "Webhook")!;
        Assert.Equal(["endpoint alertmanager"], webhook["adds"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task CreateTicket_NetworkPluginLoaded_ItsRulesCategoriseAndRaiseImpact()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting);
        var body = new JsonObject
        {
            ["subject"] = "DHCP hands out no addresses",
            ["description"] = "Nobody can get on the network in the whole building",
            ["reporter"] = new JsonObject { ["name"] = "Ann Smith" },
        };

        var ticket = await host.CreateTicketAsync(body);

        Assert.Equal(("Network", "DHCP", "1"), (ticket.Category, ticket.Subcategory, ticket.Impact));
        Assert.Contains(ticket.Journal, j => j.Reason.Contains("rule 'Network: site-wide outage'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PluginFolderThatCannotLoad_LogsOneLineAndServesTheRest()
    {
        var plugins = Directory.CreateTempSubdirectory("plugins-");
        try
        {
            Directory.CreateDirectory(Path.Combine(plugins.FullName, "Broken"));
            var logs = new RecordingLogger("Workflow.Host.Plugins");
            await using var host = await TestHost.StartAsync(logs, $"--Engine:PluginsPath={plugins.FullName}");

            var health = await host.Client.GetAsync("/api/health");

            var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
            Assert.Equal(
                $"Plugin Broken refused: the folder holds no Broken.dll. (folder {Path.Combine(plugins.FullName, "Broken")})",
                warning.Message);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            plugins.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PostToUnknownPluginEndpoint_IsNotFound()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting);

        using var response = await host.PostAsync("/api/plugins/webhook/nothing-here", "{}", "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Alertmanager_FiringRepeatedAndResolved_OneIncidentAnnotatedThenResolved()
    {
        await using var host = await TestHost.StartAsync(ShippedPlugins.Setting);

        using var opened = await host.PostAsync("/api/plugins/webhook/alertmanager", Payload("firing"), "application/json");
        using var repeated = await host.PostAsync("/api/plugins/webhook/alertmanager", Payload("firing"), "application/json");
        using var resolved = await host.PostAsync("/api/plugins/webhook/alertmanager", Payload("resolved"), "application/json");

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(1, (await host.CountStoredAsync()).Tickets);
        var ticket = await host.GetTicketAsync(1);
        Assert.Equal("AM-0a1b2c3d4e5f6a7b-1772439300", ticket.Number);
        Assert.Equal(IntakeChannel.MonitoringAlert, ticket.Channel);
        Assert.Equal(TicketState.Resolved, ticket.State);
        Assert.Equal("Disk almost full on db01", ticket.Subject);
        Assert.Contains(ticket.Journal, j => j.Actor == "alertmanager" && j.Reason == "The alert is still firing: Disk almost full on db01");
    }

    private static string Payload(string status) => new JsonObject
    {
        ["version"] = "4",
        ["status"] = status,
        ["receiver"] = "service-desk",
        ["alerts"] = new JsonArray(new JsonObject
        {
            ["status"] = status,
            ["labels"] = new JsonObject { ["alertname"] = "DiskFull", ["instance"] = "db01:9100" },
            ["annotations"] = new JsonObject { ["summary"] = "Disk almost full on db01" },
            ["startsAt"] = "2026-03-02T08:15:00Z",
            ["endsAt"] = status == "resolved" ? "2026-03-02T08:55:00Z" : "0001-01-01T00:00:00Z",
            ["fingerprint"] = "0a1b2c3d4e5f6a7b",
        }),
    }.ToJsonString();
}
