using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;

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
