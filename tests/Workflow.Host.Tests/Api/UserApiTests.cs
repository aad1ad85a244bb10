using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Administrators create, list and change users; each broken rule is named in the refusal and nothing of a
/// refused request is stored.
/// </summary>
public sealed class UserApiTests
{
    [Fact]
    public async Task PostUsers_BadNameShortPasswordNoRole_Returns400NamingEachRuleAndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        var body = new JsonObject { ["userName"] = "Ann Smith", ["displayName"] = "Ann", ["password"] = "short" };

        using var response = await host.Client.PostAsJsonAsync("/api/users", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["may hold only lower-case letters a-z, digits and . _ @ -, starting with a letter or digit."],
            problem.Errors["userName"]);
        Assert.Equal(["is 5 characters long; at least 12 are required."], problem.Errors["password"]);
        Assert.Equal(["is required: one of Reporter, Agent, ProcessOwner, Administrator."], problem.Errors["role"]);
        Assert.Empty((await host.Client.CallAsync(HttpMethod.Get, "/api/users")).AsArray());
    }

    [Fact]
    public async Task PostUsers_PasswordHoldingTheUserName_Returns400()
    {
        await using var host = await TestHost.StartAsync();
        var body = New("andy", "Agent", "andy-is-my-password");

        using var response = await host.Client.PostAsJsonAsync("/api/users", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(["must not contain the user name."], problem.Errors["password"]);
    }

    [Fact]
    public async Task PostUsers_PasswordOfSpacesOnly_Returns400AndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        var body = New("andy", "Agent", new string(' ', 16));

        using var response = await host.Client.PostAsJsonAsync("/api/users", body);
        var users = await host.Client.CallAsync(HttpMethod.Get, "/api/users");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(["is only spaces."], problem.Errors["password"]);
        Assert.Empty(users.AsArray());
    }

    [Fact]
    public async Task PostUsers_NameTaken_Returns409AndKeepsTheFirst()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("andy", "Agent");

        using var response = await host.Client.PostAsJsonAsync("/api/users", New("andy", "Administrator"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var users = await host.Client.CallAsync(HttpMethod.Get, "/api/users");
        Assert.Equal("Agent", Assert.Single(users.AsArray())!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUsers_Administrator_ListsUsersWithoutPasswordHashes()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("olga", "ProcessOwner");

        using var response = await host.Client.GetAsync("/api/users");

        var text = await response.Content.ReadAsStringAsync();
        var user = JsonNode.Parse(text)![0]!;
        Assert.Equal("olga", user["userName"]!.GetValue<string>());
        Assert.Equal("ProcessOwner", user["role"]!.GetValue<string>());
        Assert.Equal("administrator", user["createdBy"]!.GetValue<string>());
        Assert.DoesNotContain("pbkdf2", text);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostUsers_SignedInProcessOwner_Returns403()
    {
        await using var host = await TestHost.StartAsync();
        using var olga = await host.SignedInAsync("olga", "ProcessOwner");

        using var response = await olga.SendAsync(HttpMethod.Post, "/api/users", New("eve", "Administrator"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await host.Client.CallAsync(HttpMethod.Get, "/api/users")).AsArray());
    }

    [Fact]
    public async Task PostUsers_SignedInAdministrator_CreatesAUserWhoCanSignIn()
    {
        await using var host = await TestHost.StartAsync();
        using var admin = await host.SignedInAsync("root", "Administrator");

        await admin.CallAsync(HttpMethod.Post, "/api/users", New("andy", "Agent"), HttpStatusCode.Created);
        using var andy = host.Browser();
        using var signIn = await andy.SignInAsync("andy", Sessions.Password);

        var me = await signIn.JsonAsync();
        Assert.Equal("Agent", me["role"]!.GetValue<string>());
        var users = await host.Client.CallAsync(HttpMethod.Get, "/api/users");
        Assert.Equal("root", users.AsArray().Single(u => u!["userName"]!.GetValue<string>() == "andy")!["createdBy"]!
            .GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_NewPassword_EndsSessionsAndOnlyTheNewPasswordSignsIn()
    {
        await using var host = await TestHost.StartAsync();
        using var andy = await host.SignedInAsync("andy", "Agent");
        var change = new JsonObject { ["password"] = "a brand new passphrase" };

        await host.Client.CallAsync(HttpMethod.Patch, "/api/users/andy", change);
        using var session = await andy.GetAsync("/api/me");
        using var old = await andy.SignInAsync("andy", Sessions.Password);
        using var fresh = await andy.SignInAsync("andy", "a brand new passphrase");

        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task PatchUser_ShortPassword_Returns400AndKeepsTheOldPassword()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("andy", "Agent");

        using var response = await host.Client.PatchAsJsonAsync("/api/users/andy", new { password = "tiny" });
        using var browser = host.Browser();
        using var signIn = await browser.SignInAsync("andy", Sessions.Password);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(["is 4 characters long; at least 12 are required."], problem.Errors["password"]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task PatchUser_Unknown_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PatchAsJsonAsync("/api/users/nobody", new { disabled = true });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonObject New(string userName, string role, string password = Sessions.Password) => new()
    {
        ["userName"] = userName,
        ["displayName"] = userName,
        ["role"] = role,
        ["password"] = password,
    };
}
