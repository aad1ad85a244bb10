using Workflow.Engine.Catalog;
using Workflow.Engine.Rules;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>Turns the engine's refusals into problem-details responses that name the field and the reason.</summary>
internal static class ApiErrors
{
    public const string RefusedTitle = "The request was refused.";

    public static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationException ex)
        {
            var fields = ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return Results.ValidationProblem(fields, detail: ex.Message, title: RefusedTitle);
        }
        catch (RuleCompileException ex)
        {
            // Keyed by rule and part, so an editor can put each message on the line it belongs to.
            var fields = ex.Errors.GroupBy(e => $"{e.Rule}.{e.Part}")
                .ToDictionary(g => g.Key, g => g.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToArray());
            return Results.ValidationProblem(fields, detail: ex.Message, title: "The rule set does not compile.");
        }
        catch (ApiForbiddenException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
        }
        catch (StaleTicketException ex)
        {
            return Results.Problem(
                ex.Message,
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The ticket has changed.",
                extensions: new Dictionary<string, object?> { ["currentETag"] = ETags.Of(ex.Current) });
        }
        catch (StaleCatalogException ex)
        {
            return Results.Problem(
                ex.Message,
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Someone else saved first.",
                extensions: new Dictionary<string, object?> { ["currentETag"] = ETags.Of(ex.Current) });
        }
        catch (PreconditionRequiredException ex)
        {
            return Results.Problem(
                ex.Message,
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match required.");
        }
        catch (IllegalTransitionException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Illegal transition.");
        }
        catch (WorkflowConflictException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");
        }
        catch (KeyNotFoundException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        catch (InvalidOperationException ex) when (ex is not WorkflowException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed now.");
        }
    }
}
