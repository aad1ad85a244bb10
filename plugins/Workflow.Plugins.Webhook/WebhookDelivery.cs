using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflow.Sdk.Jobs;

namespace Workflow.Plugins.Webhook;

/// <summary>
/// Posts one event to one URL with an HMAC-SHA256 signature of the body in <see cref="SignatureHeader"/>.
/// A 2xx answer is done; a network error, a timeout, 408, 429 or 5xx is retried with back-off; any other
/// answer means the receiver will never take it, so it is given up at once.
/// </summary>
internal sealed class WebhookDelivery(string secret, HttpClient http) : IJobHandler
{
    public const string JobKind = "webhook.deliver";
    public const string SignatureHeader = "X-Workflow-Signature";
    public const string EventHeader = "X-Workflow-Event";
    public const string DeliveryHeader = "X-Workflow-Delivery";
    public const string AttemptHeader = "X-Workflow-Attempt";

    public static readonly Backoff Retries = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), Attempts: 8);

    public string Kind => JobKind;

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body's UTF-8 bytes under the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async Task<JobResult> RunAsync(PluginJob job, CancellationToken cancellationToken)
    {
        var delivery = JsonSerializer.Deserialize<DeliveryJob>(job.Payload, WebhookNotifier.Json)
            ?? throw new InvalidOperationException("The webhook job carries no delivery.");
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignatureHeader, Sign(secret, delivery.Body));
        request.Headers.Add(EventHeader, delivery.Event);
        request.Headers.Add(DeliveryHeader, delivery.Delivery);
        request.Headers.Add(AttemptHeader, job.Attempt.ToString(CultureInfo.InvariantCulture));

        string failure;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return JobResult.Done;
            }

            failure = $"{delivery.Url} answered {status} {response.ReasonPhrase}";
            var mayPass = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            if (status < 500 && !mayPass)
            {
                return JobResult.GiveUp(failure);
            }
        }
        catch (HttpRequestException ex)
        {
            failure = $"{delivery.Url} could not be reached: {ex.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"{delivery.Url} did not answer within {http.Timeout.TotalSeconds:0} seconds";
        }

        return Retries.After(job.Attempt) is { } delay ? JobResult.Retry(delay, failure) : JobResult.GiveUp(failure);
    }
}
