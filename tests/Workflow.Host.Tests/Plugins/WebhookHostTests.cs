using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.Host.Tests.Plugins;

/// <summary>The Webhook plugin loaded by the host posts to a receiver on a loopback port when a ticket is created.</summary>
public sealed class WebhookHostTests
{
    [Fact]
    public async Task CreateTicket_WebhookConfigured_ReceiverGetsTheSignedEvent()
    {
        var received = new TaskCompletionSource<(string Body, string Signature, string Event)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartReceiverAsync(received);
        var url = receiver.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/events";
        await using var host = await TestHost.StartAsync(
            ShippedPlugins.Setting,
            $"--Plugins:Webhook:Urls={url}",
            "--Plugins:Webhook:Secret=hook-secret");

        var ticket = await host.CreateTicketAsync();
        var (body, signature, name) = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("hook-secret"), Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, signature);
        Assert.Equal("ticket.created", name);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(ticket.Number, (string)json["ticket"]!["number"]!);
        Assert.Equal(ticket.Subject, (string)json["ticket"]!["subject"]!);
    }

    private static async Task<WebApplication> StartReceiverAsync(
        TaskCompletionSource<(string Body, string Signature, string Event)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/events", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            received.TrySetResult((
                body,
                http.Request.Headers["X-Workflow-Signature"].ToString(),
                http.Request.Headers["X-Workflow-Event"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
