using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests;

/// <summary>Users created through the API, and browser-like clients that keep the session cookie they get.</summary>
internal static class Sessions
{
    /// <summary>Long enough for the password rules and free of any user name the tests use.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Creates a user with the administrator key and checks it was created.</summary>
    public static async Task CreateUserAsync(this TestHost host, string userName, string role, string? password = null)
    {
        var body = new JsonObject
        {
            ["userName"] = userName,
            ["displayName"] = $"{char.ToUpperInvariant(userName[0])}{userName[1..]} Tester",
            ["role"] = role,
            ["password"] = password ?? Password,
        };
        await host.Client.CallAsync(HttpMethod.Post, "/api/users", body, HttpStatusCode.Created);
    }

    /// <summary>
    /// A client with a cookie jar that sends <c>X-Requested-With</c> as the designer does; not yet signed in.
    /// The caller disposes it.
    /// </summary>
    public static HttpClient Browser(this TestHost host, bool requestedWith = true)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.Address,
        };
        if (requestedWith)
        {
            client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        }

        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.SendAsync(
            HttpMethod.Post,
            "/api/session",
            new JsonObject { ["userName"] = userName, ["password"] = password });

    /// <summary>Creates a user and returns a client signed in as them; the caller disposes it.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestHost host, string userName, string role)
    {
        await host.CreateUserAsync(userName, role);
        var client = host.Browser();
        using var response = await client.SignInAsync(userName, Password);
        await response.JsonAsync();
        return client;
    }
}
