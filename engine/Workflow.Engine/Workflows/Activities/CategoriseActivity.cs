using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Stage 3: places the ticket in the company's category tree.</summary>
public sealed class CategoriseActivity : IActivity
{
    public const string Categorised = "categorised";
    public const string Uncategorised = "uncategorised";

    public string Type => "categorise";

    public ActivityDescriptor Descriptor { get; } = new(
        "categorise",
        "Categorise",
        "categorisation",
        "Checks the ticket's category against the tree, or takes a new one from the action that led here.",
        [new InputDescriptor("fromAction", "boolean", "Refuse an action that does not name the new values")],
        [Categorised, Uncategorised]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public ActivityResult Execute(ActivityContext context)
    {
        var ticket = context.Ticket;
        var action = context.Action;
        if (context.Node.Flag("fromAction") && action?.Category is null && action?.Subcategory is null)
        {
            throw new ValidationException("category", $"'{action?.Outcome}' needs a category or a subcategory.");
        }

        var category = action?.Category ?? ticket.Category;

        // A new category drops the old subcategory unless one is named; a subcategory alone moves within it.
        var subcategory = action?.Subcategory
            ?? (string.Equals(category, ticket.Category, StringComparison.Ordinal) ? ticket.Subcategory : null);

        if (category is null && context.EvaluateRules() is { Fact.Category: { } proposed } evaluation
            && context.Categories.Contains(proposed, evaluation.Fact.Subcategory))
        {
            category = proposed;
            subcategory = evaluation.Fact.Subcategory;
            context.BecauseOfRules(evaluation, "Category", "Subcategory");
        }

        if (category is null)
        {
            return ActivityResult.Done(Uncategorised);
        }

        if (!context.Categories.Contains(category, subcategory))
        {
            var field = context.Categories.Contains(category, null) ? "subcategory" : "category";
            var value = field == "category" ? category : subcategory;
            throw new ValidationException(field, $"'{value}' is not in the category tree.");
        }

        ticket.Categorise(category, subcategory);
        return ActivityResult.Done(Categorised);
    }
}
