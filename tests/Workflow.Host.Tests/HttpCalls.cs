using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests;

/// <summary>Requests with any method, body and headers, and their answers read as JSON.</summary>
internal static class HttpCalls
{
    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        JsonNode? body = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Checks the status and reads the body as JSON.</summary>
    public static async Task<JsonNode> JsonAsync(
        this HttpResponseMessage response,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Sends and checks the status, then reads the body as JSON.</summary>
    public static async Task<JsonNode> CallAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        JsonNode? body = null,
        HttpStatusCode expected = HttpStatusCode.OK,
        params (string Name, string Value)[] headers)
    {
        using var response = await client.SendAsync(method, path, body, headers);
        return await response.JsonAsync(expected);
    }
}
