using Workflow.Sdk.Intake;

namespace Workflow.Sdk.Endpoints;

/// <summary>
/// An HTTP endpoint a plugin serves, for example a webhook receiver. The host maps <c>POST</c> requests to
/// <c>/api/plugins/{plugin}/{Path}</c> onto it. Thread-safe: requests arrive in parallel.
/// </summary>
public interface IInboundEndpoint
{
    /// <summary>The path below the plugin's prefix, for example <c>alertmanager</c>.</summary>
    string Path { get; }

    /// <summary>Handles one request.</summary>
    /// <param name="request">The request's body and headers.</param>
    /// <param name="tickets">Opens, finds, annotates and resolves tickets.</param>
    /// <param name="cancellationToken">Signals that the caller went away.</param>
    /// <returns>The status and JSON body to answer with.</returns>
    Task<InboundResponse> HandleAsync(InboundRequest request, ITicketSink tickets, CancellationToken cancellationToken);
}

/// <summary>One HTTP request to a plugin endpoint. Immutable.</summary>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="Headers">The headers, names ignoring case, several values joined by commas.</param>
public sealed record InboundRequest(string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>The answer of a plugin endpoint. Immutable.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Json">The body, as JSON text.</param>
public sealed record InboundResponse(int Status, string Json);
