using Microsoft.OpenApi;

namespace Workflow.Host.Api;

/// <summary>Declares the problem-details answers of an endpoint for the OpenAPI document.</summary>
internal static class ProblemMetadata
{
    /// <summary>400, 401 and 403, which every endpoint can answer, plus the given statuses.</summary>
    public static RouteHandlerBuilder ApiProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        endpoint.ProducesValidationProblem();
        foreach (var status in new[] { 401, 403 }.Concat(statuses))
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }

    /// <summary>Declares that the 200 answer is also available as CSV text, beside its JSON form.</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[Csv.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "RFC 4180 CSV with a header line.",
                    },
                };
            }

            return Task.CompletedTask;
        });
}
