using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine;
using Workflow.Host.Api;
using Workflow.Testing;

namespace Workflow.Host.Tests;

/// <summary>
/// The real host, built by <see cref="HostApp.BuildAsync"/> on a database of its own (a SQLite file unless a test
/// names PostgreSQL) and listening on a free loopback port, with a client that talks to it over HTTP using the
/// administrator key the host issued on its first start. The engine's clock is a fake that only moves when a
/// test advances it. Disposing stops the host and deletes the database.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    /// <summary>The fake clock's time when the host starts.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How the tests read the API's JSON: web defaults, enums only as their names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly ITestDatabase _database;
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private TestHost(ITestDatabase database, WebApplication app, FakeTimeProvider clock, Uri address)
    {
        _database = database;
        _app = app;
        Clock = clock;
        Address = address;
        AdministratorKey = app.Services.GetRequiredService<FirstStartKey>().Key
            ?? throw new InvalidOperationException("A fresh installation issued no administrator key.");
        Client = ClientWith(AdministratorKey);
        Anonymous = new HttpClient { BaseAddress = address };
        _clients.Add(Anonymous);
    }

    /// <summary>The key printed on the first start, which the default <see cref="Client"/> sends.</summary>
    public string AdministratorKey { get; }

    /// <summary>A client that sends no key at all.</summary>
    public HttpClient Anonymous { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The address the server bound, as <see cref="IServerAddressesFeature"/> reports it.</summary>
    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The host's services, for looking at what it mapped.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The engine behind the API, for reading the database directly.</summary>
    public WorkflowEngine Engine => _app.Services.GetRequiredService<WorkflowEngine>();

    /// <summary>Builds and starts the host; <paramref name="settings"/> are extra <c>--Key=value</c> args.</summary>
    public static Task<TestHost> StartAsync(params string[] settings) => StartOnAsync(StorageProvider.Sqlite, settings);

    /// <summary>Builds and starts the host, sending its log to <paramref name="logs"/> when one is given.</summary>
    public static Task<TestHost> StartAsync(ILoggerProvider? logs, params string[] settings) =>
        StartOnAsync(StorageProvider.Sqlite, logs, settings);

    /// <summary>Starts the host on a fresh database of the given provider (<see cref="StorageProvider"/>).</summary>
    public static Task<TestHost> StartOnAsync(string provider, params string[] settings) =>
        StartOnAsync(provider, null, settings);

    /// <summary>Starts the host on a fresh database of the given provider, logging to <paramref name="logs"/>.</summary>
    public static async Task<TestHost> StartOnAsync(string provider, ILoggerProvider? logs, params string[] settings)
    {
        var clock = new FakeTimeProvider(StartTime);
        var database = await TestDatabase.CreateAsync(provider);
        WebApplication? app = null;
        try
        {
            string[] args =
            [
                "--urls=http://127.0.0.1:0",
                $"--Engine:Storage:Provider={provider}",
                $"--Engine:Storage:ConnectionString={database.ConnectionString}",
                .. settings,
            ];
            app = await HostApp.BuildAsync(
                args,
                builder =>
                {
                    builder.Logging.ClearProviders();
                    if (logs is not null)
                    {
                        builder.Logging.AddProvider(logs);
                    }
                },
                clock);
            await app.StartAsync();

            var addresses = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new TestHost(database, app, clock, new Uri(Assert.Single(addresses)));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that sends <paramref name="key"/> as its bearer token; disposed with the host.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    /// <summary>Issues a key through the API and returns a client that sends it.</summary>
    public async Task<HttpClient> ClientForAsync(string name, string role, string? userName = null)
    {
        var body = new JsonObject { ["name"] = name, ["role"] = role, ["userName"] = userName };
        using var response = await Client.PostAsJsonAsync("/api/keys", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var issued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ClientWith(issued["key"]!.GetValue<string>());
    }

    /// <summary>Sends a JSON body, naming the caller in <c>X-Actor</c> when one is given.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode? body, string? actor = null) =>
        PostAsync(path, body?.ToJsonString() ?? "null", "application/json", actor);

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string mediaType, string? actor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        if (actor is not null)
        {
            request.Headers.Add("X-Actor", actor);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Creates a ticket and checks it was created.</summary>
    public async Task<TicketView> CreateTicketAsync(JsonObject? body = null, string? actor = null)
    {
        using var response = await PostJsonAsync("/api/tickets", body ?? TicketRequests.Valid(), actor);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ReadViewAsync(response);
    }

    /// <summary>Takes an action and checks it was accepted.</summary>
    public async Task<TicketView> ActAsync(long id, JsonObject action, string? actor = null)
    {
        using var response = await PostJsonAsync($"/api/tickets/{id}/actions", action, actor);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadViewAsync(response);
    }

    public async Task<TicketView> GetTicketAsync(long id)
    {
        using var response = await Client.GetAsync($"/api/tickets/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadViewAsync(response);
    }

    /// <summary>The ticket exactly as the API sends it, for comparing two reads field by field.</summary>
    public async Task<JsonNode> GetTicketJsonAsync(long id)
    {
        using var response = await Client.GetAsync($"/api/tickets/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<TicketView> ReadViewAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<TicketView>(Json)
            ?? throw new InvalidOperationException("The response body was JSON null.");
    }

    /// <summary>Reads a problem-details body and checks it carries the response's status.</summary>
    public static async Task<HttpValidationProblemDetails> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Json)
            ?? throw new InvalidOperationException("The response body was JSON null.");
        Assert.Equal((int)response.StatusCode, problem.Status);
        return problem;
    }

    /// <summary>How many tickets and workflow instances the database holds.</summary>
    public async Task<(int Tickets, int Instances)> CountStoredAsync()
    {
        await using var db = Engine.Contexts.Create();
        return (await db.Tickets.CountAsync(), await db.Instances.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
