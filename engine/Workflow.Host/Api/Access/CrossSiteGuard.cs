namespace Workflow.Host.Api.Access;

/// <summary>
/// Refuses a request that changes something, is signed in by the session cookie and does not send
/// <c>X-Requested-With</c>. A page on another site cannot add that header without the API's consent through CORS,
/// which the host never gives, so this stands even in a browser that ignores SameSite. Sign-in and sign-out need
/// the header too, so another site cannot sign a visitor into its own account. The job dashboard's buttons are
/// covered as well (its pages post with the header). Requests with an API key are not concerned: a browser never
/// adds a key by itself.
/// </summary>
internal static class CrossSiteGuard
{
    public const string Header = "X-Requested-With";

    public static void UseCrossSiteGuard(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (IsRefused(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cross-site request refused.",
                    Detail = $"A change made with the session cookie must send the header '{Header}: XMLHttpRequest'.",
                },
            });
            return;
        }

        await next(http);
    });

    private static bool IsRefused(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || request.Headers[Header].ToString().Trim().Length > 0)
        {
            return false;
        }

        var byCookie = http.User.Identity?.AuthenticationType == SessionAuthentication.SchemeName;
        return byCookie || request.Path.StartsWithSegments(SessionEndpoints.Path);
    }
}
