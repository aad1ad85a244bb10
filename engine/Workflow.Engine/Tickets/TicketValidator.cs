using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>Checks a submitted ticket and reports every problem at once, each naming its field.</summary>
public sealed class TicketValidator(TimeInput times, PriorityScheme scheme, CategoryTree categories)
{
    public const int MaxSubjectLength = 500;

    /// <exception cref="ValidationException">Any field is missing, malformed or unknown.</exception>
    public TicketDetails Validate(NewTicket input, DateTimeOffset now)
    {
        var errors = new List<FieldError>();

        var kind = ParseEnum(errors, "kind", input.Kind, TicketKind.Incident);
        var channel = ParseEnum(errors, "channel", input.Channel, IntakeChannel.Api);
        var subject = input.Subject?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            errors.Add(new("subject", "is required."));
        }
        else if (subject.Length > MaxSubjectLength)
        {
            errors.Add(new("subject", $"is {subject.Length} characters long; at most {MaxSubjectLength} are allowed."));
        }

        var reporter = input.Reporter;
        if (string.IsNullOrWhiteSpace(reporter?.Name) && string.IsNullOrWhiteSpace(reporter?.UserName))
        {
            errors.Add(new("reporter", "a name or a user name is required."));
        }

        var occurredRead = Time(errors, "occurredAt", input.OccurredAt);
        var reportedRead = Time(errors, "reportedAt", input.ReportedAt);
        var occurred = occurredRead ?? now;
        var reported = reportedRead ?? now;

        // Only two times that were both read can be out of order; an unreadable one is reported on its own.
        var bothRead = (occurredRead is not null || input.OccurredAt is null)
            && (reportedRead is not null || input.ReportedAt is null);
        if (bothRead && occurred > reported)
        {
            errors.Add(new("occurredAt", "is later than reportedAt."));
        }

        if (input.AffectedUsers is < 0)
        {
            errors.Add(new("affectedUsers", "cannot be negative."));
        }

        CheckText(errors, input);
        CheckCategory(errors, input.Category, input.Subcategory);
        var impact = Level(errors, "impact", input.Impact, scheme.FindImpact, scheme.Impacts);
        var urgency = Level(errors, "urgency", input.Urgency, scheme.FindUrgency, scheme.Urgencies);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new TicketDetails
        {
            Kind = kind,
            Channel = channel,
            Reporter = reporter!,
            Subject = subject!,
            Description = input.Description,
            OccurredAt = occurred,
            ReportedAt = reported,
            AffectedService = input.AffectedService,
            ConfigurationItem = input.ConfigurationItem,
            AffectedUsers = input.AffectedUsers,
            Category = input.Category,
            Subcategory = input.Subcategory,
            Impact = impact,
            Urgency = urgency,
            AssignmentGroup = input.AssignmentGroup,
        };
    }

    private static void CheckText(List<FieldError> errors, NewTicket input)
    {
        TextInput.Check(errors, "subject", input.Subject, int.MaxValue);
        TextInput.Check(errors, "description", input.Description, TextInput.LongText);
        TextInput.Check(errors, "reporter.name", input.Reporter?.Name);
        TextInput.Check(errors, "reporter.userName", input.Reporter?.UserName);
        TextInput.Check(errors, "reporter.mail", input.Reporter?.Mail);
        TextInput.Check(errors, "reporter.phone", input.Reporter?.Phone);
        TextInput.Check(errors, "reporter.department", input.Reporter?.Department);
        TextInput.Check(errors, "reporter.location", input.Reporter?.Location);
        TextInput.Check(errors, "affectedService", input.AffectedService);
        TextInput.Check(errors, "configurationItem", input.ConfigurationItem);
        TextInput.Check(errors, "assignmentGroup", input.AssignmentGroup);

        if (input.Reporter?.Mail is { Length: > 0 } mail && !IsMail(mail))
        {
            errors.Add(new("reporter.mail", $"'{mail}' is not a mail address."));
        }
    }

    /// <summary>One @ with something on both sides and a dot in the domain: enough to catch a slip.</summary>
    private static bool IsMail(string mail)
    {
        var at = mail.IndexOf('@');
        return at > 0 && at == mail.LastIndexOf('@') && mail.IndexOf('.', at) > at + 1 && !mail.EndsWith('.')
            && !mail.Any(char.IsWhiteSpace);
    }

    private DateTimeOffset? Time(List<FieldError> errors, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return times.Parse(field, text);
        }
        catch (ValidationException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private void CheckCategory(List<FieldError> errors, string? category, string? subcategory)
    {
        if (category is null)
        {
            if (subcategory is not null)
            {
                errors.Add(new("subcategory", "needs a category."));
            }

            return;
        }

        if (!categories.Contains(category, null))
        {
            errors.Add(new("category", $"'{category}' is not in the category tree."));
        }
        else if (!categories.Contains(category, subcategory))
        {
            errors.Add(new("subcategory", $"'{subcategory}' is not a subcategory of '{category}'."));
        }
    }

    private static string? Level(
        List<FieldError> errors,
        string field,
        string? text,
        Func<string?, PriorityLevel?> find,
        IReadOnlyList<PriorityLevel> scale)
    {
        if (text is null)
        {
            return null;
        }

        var level = find(text);
        if (level is null)
        {
            errors.Add(new(field, $"'{text}' is not one of {string.Join(", ", scale.Select(l => l.Label))}."));
        }

        return level?.Code;
    }

    private static T ParseEnum<T>(List<FieldError> errors, string field, string? text, T fallback)
        where T : struct, Enum
    {
        if (text is null)
        {
            return fallback;
        }

        if (Names.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors.Add(new(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
        return fallback;
    }
}
