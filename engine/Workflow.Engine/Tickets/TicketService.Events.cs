using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// Delivers a named event to a ticket whose workflow waits for it, and runs the workflow on to its next
    /// bookmark, in one step.
    /// </summary>
    /// <exception cref="ValidationException">The name is not a valid event name, or the comment is refused.</exception>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="WorkflowConflictException">The ticket does not wait for that event, or another step
    /// committed first.</exception>
    public async Task<Ticket> SignalAsync(
        long ticketId,
        string name,
        string actor,
        string? comment,
        CancellationToken cancellationToken = default)
    {
        if (!WaitForEventActivity.IsEventName(name))
        {
            throw new ValidationException("name", $"'{name}' is not an event name: letters, digits, '-', '_', '.'.");
        }

        var errors = new List<FieldError>();
        TextInput.Check(errors, "comment", comment, TaskActionValidator.MaxComment);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var db = contexts.Create();
        var instance = await db.Instances.Include(i => i.Ticket)
            .SingleOrDefaultAsync(i => i.TicketId == ticketId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {ticketId}.");
        var definition = await definitions.PublishedAsync(
            instance.DefinitionId,
            instance.DefinitionVersion,
            cancellationToken);
        var waitsFor = instance.BookmarkKind == BookmarkRequest.Event && instance.CurrentNodeId is { } at
            ? definition.Node(at).Text("event")
            : null;
        if (!string.Equals(waitsFor, name, StringComparison.Ordinal))
        {
            throw new WorkflowConflictException(waitsFor is null
                ? $"Ticket {instance.Ticket.Number} is not waiting for an event."
                : $"Ticket {instance.Ticket.Number} waits for the event '{waitsFor}', not '{name}'.");
        }

        var action = new TaskAction(WaitForEventActivity.Received, actor)
        {
            Event = name,
            BookmarkId = instance.BookmarkId,
            Comment = comment,
        };
        return await StepAsync(
            db,
            definition,
            instance,
            action,
            $"the event '{name}' was not applied. Send it again.",
            cancellationToken);
    }
}
