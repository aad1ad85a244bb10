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
}
