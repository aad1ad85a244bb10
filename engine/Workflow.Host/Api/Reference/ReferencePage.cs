namespace Workflow.Host.Api.Reference;

/// <summary>
/// Serves <c>/api/reference</c>: one self-contained page that reads the OpenAPI document and lists every
/// operation with its parameters, body and answers, and can send a request with a key typed into it.
/// </summary>
internal static class ReferencePage
{
    public const string Path = "/api/reference";

    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(ReferencePage).Assembly.GetManifestResourceStream("Workflow.Host.reference.html")
            ?? throw new InvalidOperationException("The reference page is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapReferencePage(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => Results.Content(Html.Value, "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();
}
