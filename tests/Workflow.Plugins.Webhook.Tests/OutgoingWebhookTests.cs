using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Plugins;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Plugins;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Webhook.Tests;

public sealed class OutgoingWebhookTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly InProcessJobScheduler _jobs;
    private WebhookReceiver _receiver = null!;

    public OutgoingWebhookTests() => _jobs = new InProcessJobScheduler(_clock);

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        _jobs.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Notify_TicketCreated_PostsSignedJsonWithTheEvent()
    {
        var notifier = Register();
        var done = Finished(1);

        await notifier.NotifyAsync(Event(TicketEventKind.Created), default);
        await done.WaitAsync(Patience);

        var request = Assert.Single(_receiver.Requests);
        Assert.Equal(WebhookDelivery.Sign("s3cret", request.Body), request.Headers[WebhookDelivery.SignatureHeader]);
        Assert.Equal("ticket.created", request.Headers[WebhookDelivery.EventHeader]);
        Assert.Equal("1", request.Headers[WebhookDelivery.AttemptHeader]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("ticket.created", body.RootElement.GetProperty("event").GetString());
        Assert.Equal("TKT0000042", body.RootElement.GetProperty("ticket").GetProperty("number").GetString());
        Assert.Equal("High", body.RootElement.GetProperty("ticket").GetProperty("priority").GetString());
        Assert.Equal(request.Headers[WebhookDelivery.DeliveryHeader], body.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Sign_KnownSecretAndBody_GivesTheHmacSha256InHex()
    {
        // HMAC-SHA256 of "The quick brown fox jumps over the lazy dog" under "key" (RFC 4231 style example).
        var signature = WebhookDelivery.Sign("key", "The quick brown fox jumps over the lazy dog");

        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }

    [Fact]
    public async Task Notify_ReceiverFailsTwice_RetriesWithBackoffAndSameBody()
    {
        var notifier = Register();
        _receiver.Answers.Enqueue(503);
        _receiver.Answers.Enqueue(500);
        var firstFailed = Ran(1);
        var secondFailed = Ran(2);
        var delivered = Ran(3);

        await notifier.NotifyAsync(Event(TicketEventKind.PriorityChanged, previous: "Medium"), default);
        var first = await firstFailed.WaitAsync(Patience);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var waitingAfter29Seconds = _receiver.Requests.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await secondFailed.WaitAsync(Patience);
        _clock.Advance(TimeSpan.FromSeconds(60));
        var third = await delivered.WaitAsync(Patience);

        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryAfter);
        Assert.Equal(1, waitingAfter29Seconds);
        Assert.Equal(TimeSpan.FromSeconds(60), second.RetryAfter);
        Assert.Same(JobResult.Done, third);
        var requests = _receiver.Requests.ToList();
        Assert.Equal(["1", "2", "3"], requests.Select(r => r.Headers[WebhookDelivery.AttemptHeader]));
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.Single(requests.Select(r => r.Headers[WebhookDelivery.DeliveryHeader]).Distinct());
        Assert.All(requests, r => Assert.Equal(WebhookDelivery.Sign("s3cret", r.Body), r.Headers[WebhookDelivery.SignatureHeader]));
        Assert.Contains("\"previous\":\"Medium\"", requests[0].Body);
    }

    [Fact]
    public async Task Notify_ReceiverRejectsTheEvent_GivesUpWithoutRetrying()
    {
        var notifier = Register();
        _receiver.Answers.Enqueue(400);
        var ran = Ran(1);

        await notifier.NotifyAsync(Event(TicketEventKind.Resolved), default);
        var result = await ran.WaitAsync(Patience);

        Assert.True(result.GaveUp);
        Assert.Equal($"{_receiver.Url.AbsoluteUri} answered 400 Bad Request", result.Reason);
        Assert.Equal(0, _jobs.Pending);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task Notify_EventNotConfigured_SendsNothing()
    {
        var notifier = Register(events: "Created");

        await notifier.NotifyAsync(Event(TicketEventKind.SlaBreached), default);

        Assert.Equal(0, _jobs.Pending);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public void Register_UrlThatIsNotHttp_IsRefusedNamingTheSetting()
    {
        var registry = new PluginContributions();
        var context = Context("ftp://example.com/x", "Created");

        var error = Assert.Throws<PluginSettingException>(() => new WebhookPlugin().Register(registry, context));

        Assert.Equal("setting 'Urls' 'ftp://example.com/x' is not an http or https URL.", error.Message);
    }

    private INotifier Register(string events = "Created, PriorityChanged, SlaBreached, Resolved")
    {
        var registry = new PluginContributions();
        new WebhookPlugin().Register(registry, Context(_receiver.Url.AbsoluteUri, events));
        _jobs.Register(registry.JobHandlers);
        return Assert.Single(registry.Notifiers);
    }

    private PluginContext Context(string urls, string events) => new(
        new Dictionary<string, string> { ["Urls"] = urls, ["Secret"] = "s3cret", ["Events"] = events },
        _clock,
        _jobs);

    private Task<JobResult> Ran(int attempt)
    {
        var ran = new TaskCompletionSource<JobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Ran += (job, result) =>
        {
            if (job.Attempt == attempt)
            {
                ran.TrySetResult(result);
            }
        };
        return ran.Task;
    }

    private Task Finished(int count)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        _jobs.Ran += (_, _) =>
        {
            if (Interlocked.Increment(ref seen) == count)
            {
                finished.TrySetResult();
            }
        };
        return finished.Task;
    }

    private static TicketEvent Event(TicketEventKind kind, string? previous = null) => new(
        kind,
        new TicketSnapshot { Number = "TKT0000042", Subject = "Mail down", State = TicketState.New, Priority = "High" },
        new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero),
        previous);
}
