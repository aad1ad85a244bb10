using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflow.Host.Api;
using Workflow.Host.Designer;
using Workflow.Testing;

namespace Workflow.Designer.Tests;

/// <summary>
/// The real host with the built designer, on a SQLite file of its own and a free loopback port, with a client
/// that uses the administrator key of its first start. The engine's clock is a fake that never moves.
/// </summary>
internal sealed class DesignerHost : IAsyncDisposable
{
    private readonly ITestDatabase _database;
    private readonly WebApplication _app;

    private DesignerHost(ITestDatabase database, WebApplication app, Uri address)
    {
        _database = database;
        _app = app;
        Address = address;
        Key = app.Services.GetRequiredService<FirstStartKey>().Key
            ?? throw new InvalidOperationException("A fresh installation issued no administrator key.");
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public Uri Address { get; }

    /// <summary>The administrator key printed on the first start; the tests paste it into the sign-in box.</summary>
    public string Key { get; }

    public HttpClient Client { get; }

    public Uri DesignerUrl => new(Address, DesignerFiles.PathBase + "/");

    public static async Task<DesignerHost> StartAsync()
    {
        Assert.True(
            File.Exists(Path.Combine(DesignerFiles.Folder, "index.html")),
            $"The designer is not built: {DesignerFiles.Folder} has no index.html (run npm run build in designer/).");

        var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Engine:Storage:Provider={StorageProvider.Sqlite}",
            $"--Engine:Storage:ConnectionString={database.ConnectionString}",
        ];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = await Workflow.Host.HostApp.BuildAsync(args, builder => builder.Logging.ClearProviders(), clock);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new DesignerHost(database, app, new Uri(Assert.Single(addresses)));
    }

    /// <summary>Creates a ticket through the API and returns its number.</summary>
    public async Task<long> CreateTicketAsync(string subject)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["reporter"] = new JsonObject { ["name"] = "Ann Smith", ["mail"] = "ann@example.com" },
            ["occurredAt"] = "2026-03-02T08:00:00+00:00",
        };
        using var response = await Client.PostAsJsonAsync("/api/tickets", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<long>();
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
