using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Signing in with a user name and password through the real HTTP pipeline: the cookie, a refusal that does not
/// say which part was wrong, lockout, sign-out, disabled users, and the same roles as API keys.
/// </summary>
public sealed class SessionApiTests
{
    private const string SessionDetail =
        "The user name or the password is not right, or the account is disabled or locked for a while.";

    [Fact]
    public async Task PostSession_RightPassword_SetsAStrictHttpOnlyCookieAndMeNamesTheUser()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("olga", "ProcessOwner");
        using var browser = host.Browser();

        using var response = await browser.SignInAsync("Olga", Sessions.Password);
        var me = await browser.CallAsync(HttpMethod.Get, "/api/me");

        await response.JsonAsync();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("workflow.session=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("olga", me["name"]!.GetValue<string>());
        Assert.Equal("Olga Tester", me["displayName"]!.GetValue<string>());
        Assert.Equal("ProcessOwner", me["role"]!.GetValue<string>());
        Assert.True(me["signedIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostSession_WrongPasswordOrUnknownUser_Returns401WithTheSameDetailAndNoCookie()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("olga", "ProcessOwner");
        using var browser = host.Browser();

        using var wrongPassword = await browser.SignInAsync("olga", "not the password at all");
        using var unknownUser = await browser.SignInAsync("nobody", Sessions.Password);

        var first = await TestHost.ReadProblemAsync(wrongPassword);
        var second = await TestHost.ReadProblemAsync(unknownUser);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal((first.Title, first.Detail), (second.Title, second.Detail));
        Assert.DoesNotContain("password is wrong", first.Detail);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
        using var me = await browser.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [SkippableTheory, StorageProviders]
    public async Task PostSession_FiveWrongPasswords_LocksTheAccountForFifteenMinutes(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        await host.CreateUserAsync("andy", "Agent");
        using var browser = host.Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SignInAsync("andy", $"wrong password number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var whileLocked = await browser.SignInAsync("andy", Sessions.Password);
        var users = await host.Client.CallAsync(HttpMethod.Get, "/api/users");
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        using var afterwards = await browser.SignInAsync("andy", Sessions.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked.StatusCode);
        Assert.Equal(SessionDetail, (await TestHost.ReadProblemAsync(whileLocked)).Detail);
        var lockedUntil = users[0]!["lockedUntil"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TestHost.StartTime.AddMinutes(15), lockedUntil);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task PostSession_FourWrongPasswordsSpreadOverMoreThanFifteenMinutes_DoesNotLock()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("andy", "Agent");
        using var browser = host.Browser();
        for (var i = 0; i < 8; i++)
        {
            using var wrong = await browser.SignInAsync("andy", $"wrong password number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            host.Clock.Advance(TimeSpan.FromMinutes(4));
        }

        using var response = await browser.SignInAsync("andy", Sessions.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableTheory, StorageProviders]
    public async Task GetTickets_SignedInReporter_SeesOnlyOwnTicketsAndCannotAddWorkNotes(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        using var ann = await host.SignedInAsync("ann", "Reporter");
        var bobs = AccessApiTests.Report();
        bobs["reporter"]!["userName"] = "bob";
        var bobsTicket = await host.Client.CallAsync(HttpMethod.Post, "/api/tickets", bobs, HttpStatusCode.Created);
        var annsTicket = await ann.CallAsync(
            HttpMethod.Post, "/api/tickets", AccessApiTests.Report(), HttpStatusCode.Created);
        var note = new JsonObject { ["text"] = "internal", ["visibility"] = "workNote" };

        var list = await ann.CallAsync(HttpMethod.Get, "/api/tickets");
        using var read = await ann.GetAsync($"/api/tickets/{bobsTicket["id"]}");
        using var workNote = await ann.SendAsync(HttpMethod.Post, $"/api/tickets/{annsTicket["id"]}/comments", note);

        Assert.Equal(["ann"], list["items"]!.AsArray().Select(i => i!["reporterUserName"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workNote.StatusCode);
        var stored = await host.GetTicketAsync(annsTicket["id"]!.GetValue<long>());
        Assert.DoesNotContain(stored.Journal, j => j.Action == "workNote");
    }

    [Fact]
    public async Task PostTicket_SignedInUser_JournalNamesTheUser()
    {
        await using var host = await TestHost.StartAsync();
        using var andy = await host.SignedInAsync("andy", "Agent");

        var ticket = await andy.CallAsync(
            HttpMethod.Post, "/api/tickets", TicketRequests.Valid(), HttpStatusCode.Created);

        var stored = await host.GetTicketAsync(ticket["id"]!.GetValue<long>());
        Assert.Equal("andy", stored.Journal[0].Actor);
    }

    [Fact]
    public async Task PostTicket_SignedInAgentNamingAnActor_Returns403AndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        using var andy = await host.SignedInAsync("andy", "Agent");

        using var response = await andy.SendAsync(
            HttpMethod.Post, "/api/tickets", TicketRequests.Valid(), ("X-Actor", "someone else"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [SkippableTheory, StorageProviders]
    public async Task PublishWorkflow_SignedInAgent_Returns403AndPublishesNothing(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        using var agent = await host.SignedInAsync("andy", "Agent");
        var draft = await host.Client.CallAsync(HttpMethod.Get, "/api/workflows/incident-default/versions/1");
        await host.Client.CallAsync(
            HttpMethod.Put, "/api/workflows/incident-default/draft", draft["document"]!.DeepClone());

        using var response = await agent.SendAsync(HttpMethod.Post, "/api/workflows/incident-default/publish");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("The user 'andy' has the role Agent, which may not do this.", problem.Detail);
        var workflow = await host.Client.CallAsync(HttpMethod.Get, "/api/workflows/incident-default");
        Assert.Equal(1, workflow["published"]!["version"]!.GetValue<int>());
    }

    [SkippableTheory, StorageProviders]
    public async Task GetMe_UserDisabledAfterSigningIn_Returns401OnTheNextRequestAndSignInIsRefused(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        using var andy = await host.SignedInAsync("andy", "Agent");
        await andy.CallAsync(HttpMethod.Get, "/api/me");

        await host.Client.CallAsync(HttpMethod.Patch, "/api/users/andy", new JsonObject { ["disabled"] = true });
        using var next = await andy.GetAsync("/api/tickets");
        using var again = await andy.SignInAsync("andy", Sessions.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(SessionDetail, (await TestHost.ReadProblemAsync(again)).Detail);
    }

    [Fact]
    public async Task PatchUser_NewRole_AppliesToTheSessionsNextRequest()
    {
        await using var host = await TestHost.StartAsync();
        using var andy = await host.SignedInAsync("andy", "Agent");

        await host.Client.CallAsync(HttpMethod.Patch, "/api/users/andy", new JsonObject { ["role"] = "Reporter" });
        var me = await andy.CallAsync(HttpMethod.Get, "/api/me");

        Assert.Equal("Reporter", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteSession_SignedIn_EndsTheSessionEvenForACopyOfTheCookie()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("andy", "Agent");
        using var andy = host.Browser();
        using var signIn = await andy.SignInAsync("andy", Sessions.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var signedOut = await andy.CallAsync(HttpMethod.Delete, "/api/session");
        using var next = await andy.GetAsync("/api/me");
        using var copy = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        using var replayed = await copy.SendAsync(request);

        Assert.Equal("andy", signedOut["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task PostTicket_SessionWithoutRequestedWith_Returns403AndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        using var andy = await host.SignedInAsync("andy", "Agent");
        andy.DefaultRequestHeaders.Remove("X-Requested-With");

        using var response = await andy.SendAsync(HttpMethod.Post, "/api/tickets", TicketRequests.Valid());
        using var read = await andy.GetAsync("/api/tickets");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("A change made with the session cookie must send the header 'X-Requested-With: XMLHttpRequest'.",
            problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task PostDashboard_SignedInAdministratorWithoutRequestedWith_Returns403()
    {
        await using var host = await TestHost.StartAsync();
        using var ada = await host.SignedInAsync("ada", "Administrator");
        using var page = await ada.GetAsync("/hangfire/recurring");
        ada.DefaultRequestHeaders.Remove("X-Requested-With");
        using var form = new FormUrlEncodedContent([new("jobs[]", "workflow-sweep")]);

        using var response = await ada.PostAsync("/hangfire/recurring/trigger", form);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostSession_WithoutRequestedWith_Returns403AndSetsNoCookie()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateUserAsync("andy", "Agent");
        using var crossSite = host.Browser(requestedWith: false);

        using var response = await crossSite.SignInAsync("andy", Sessions.Password);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task GetOpenApi_Document_DeclaresTheSessionCookieBesideTheKey()
    {
        await using var host = await TestHost.StartAsync();

        var document = await (await host.Anonymous.GetAsync("/openapi/v1.json")).JsonAsync();

        var session = document["components"]!["securitySchemes"]!["session"]!;
        Assert.Equal(("apiKey", "cookie", "workflow.session"), (
            session["type"]!.GetValue<string>(),
            session["in"]!.GetValue<string>(),
            session["name"]!.GetValue<string>()));
        Assert.NotNull(document["security"]![1]!["session"]);
    }

    [Fact]
    public async Task PostTicket_ApiKeyWithoutRequestedWith_IsAccepted()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/api/tickets", TicketRequests.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

}
