using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Checks the free text of an action before it touches a ticket.</summary>
public static class TaskActionValidator
{
    public const int MaxComment = 10_000;

    /// <exception cref="ValidationException">A field is too long or holds a control character.</exception>
    public static void Validate(TaskAction action)
    {
        var errors = new List<FieldError>();

        TextInput.Check(errors, "outcome", action.Outcome);
        TextInput.Check(errors, "comment", action.Comment, MaxComment);
        TextInput.Check(errors, "resolutionCode", action.ResolutionCode);
        TextInput.Check(errors, "assignmentGroup", action.AssignmentGroup);
        TextInput.Check(errors, "assignedTo", action.AssignedTo);
        TextInput.Check(errors, "category", action.Category);
        TextInput.Check(errors, "subcategory", action.Subcategory);
        TextInput.Check(errors, "impact", action.Impact);
        TextInput.Check(errors, "urgency", action.Urgency);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
