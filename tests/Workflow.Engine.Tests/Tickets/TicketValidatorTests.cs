using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Tickets;

public sealed class TicketValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TicketValidator _validator = new(
        new TimeInput(null),
        PrioritySchemeLoader.Resolve("servicenow-base"),
        CategoryTree.Default());

    private static NewTicket Valid() => new()
    {
        Kind = "serviceRequest",
        Channel = "portal",
        Reporter = new Reporter { Name = "Anna de Vries", Mail = "anna.devries@example.com" },
        Subject = "  New laptop for a starter  ",
        Description = "Starts on Monday in Finance.",
        OccurredAt = "2026-03-02T09:00:00+01:00",
        ReportedAt = "2026-03-02T09:30:00Z",
        AffectedUsers = 1,
        Category = "Hardware",
        Subcategory = "Laptop",
        Impact = "3 - Low",
        Urgency = "Medium",
        AssignmentGroup = "Service Desk",
    };

    [Fact]
    public void Validate_ValidRequest_ReturnsParsedDetails()
    {
        var details = _validator.Validate(Valid(), Now);

        Assert.Equal(TicketKind.ServiceRequest, details.Kind);
        Assert.Equal(IntakeChannel.Portal, details.Channel);
        Assert.Equal("Anna de Vries", details.Reporter.Name);
        Assert.Equal("New laptop for a starter", details.Subject);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), details.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), details.ReportedAt);
        Assert.Equal(("Hardware", "Laptop"), (details.Category, details.Subcategory));
        Assert.Equal(("3", "2"), (details.Impact, details.Urgency));
        Assert.Equal("Service Desk", details.AssignmentGroup);
    }

    [Fact]
    public void Validate_TimesAndKindLeftOut_UsesNowAndDefaults()
    {
        var input = Valid() with { Kind = null, Channel = null, OccurredAt = null, ReportedAt = null };

        var details = _validator.Validate(input, Now);

        Assert.Equal(TicketKind.Incident, details.Kind);
        Assert.Equal(IntakeChannel.Api, details.Channel);
        Assert.Equal(Now, details.OccurredAt);
        Assert.Equal(Now, details.ReportedAt);
    }

    [Fact]
    public void Validate_EveryFieldBad_ReportsThemAllAtOnce()
    {
        var input = new NewTicket
        {
            Kind = "problem",
            Channel = "fax",
            Reporter = null,
            Subject = "   ",
            OccurredAt = "yesterday",
            AffectedUsers = -3,
            Category = "Plumbing",
            Impact = "9",
            Urgency = "urgent",
        };

        var ex = Assert.Throws<ValidationException>(() => _validator.Validate(input, Now));

        Assert.Equal(
            ["affectedUsers", "category", "channel", "impact", "kind", "occurredAt", "reporter", "subject", "urgency"],
            ex.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("kind", "'problem' is not one of Incident, ServiceRequest.")]
    [InlineData("kindNumber", "'1' is not one of Incident, ServiceRequest.")]
    [InlineData("channel", "'fax' is not one of Mail, Phone, Portal, InPerson, MonitoringAlert, Api, Import.")]
    [InlineData("subject", "is required.")]
    [InlineData("subjectLong", "is 501 characters long; at most 500 are allowed.")]
    [InlineData("reporter", "a name or a user name is required.")]
    [InlineData("reporterMailOnly", "a name or a user name is required.")]
    [InlineData("occurredAt", "'yesterday' is not a time in ISO 8601 form (for example 2026-03-01T09:30:00+01:00).")]
    [InlineData("occurredAtNoOffset",
        "'2026-03-02T09:00:00' has no UTC offset; give one (for example 'Z' or '+01:00') or configure a default zone.")]
    [InlineData("occurredAtLate", "is later than reportedAt.")]
    [InlineData("affectedUsers", "cannot be negative.")]
    [InlineData("category", "'Plumbing' is not in the category tree.")]
    [InlineData("subcategory", "'Bluetooth' is not a subcategory of 'Network'.")]
    [InlineData("subcategoryAlone", "needs a category.")]
    [InlineData("impact", "'9' is not one of 1 - High, 2 - Medium, 3 - Low.")]
    [InlineData("urgency", "'urgent' is not one of 1 - High, 2 - Medium, 3 - Low.")]
    public void Validate_OneBadField_ReportsExactlyThatField(string problem, string message)
    {
        var (input, field) = WithProblem(problem);

        var ex = Assert.Throws<ValidationException>(() => _validator.Validate(input, Now));

        Assert.Equal([new FieldError(field, message)], ex.Errors);
    }

    [Theory]
    [InlineData("portal,phone")]
    [InlineData("Mail, Phone")]
    public void Validate_ChannelNamingTwoValues_ReportsChannel(string channel)
    {
        var input = Valid() with { Channel = channel };

        var ex = Assert.Throws<ValidationException>(() => _validator.Validate(input, Now));

        Assert.Equal(
            [
                new FieldError(
                    "channel",
                    $"'{channel}' is not one of Mail, Phone, Portal, InPerson, MonitoringAlert, Api, Import."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Validate_UnreadableOccurredAtWithEarlierReportedAt_ReportsOnlyTheUnreadableTime()
    {
        var input = Valid() with { OccurredAt = "yesterday", ReportedAt = "2026-03-02T09:30:00Z" };

        var ex = Assert.Throws<ValidationException>(() => _validator.Validate(input, Now));

        Assert.Equal([new FieldError("occurredAt", "'yesterday' is not a time in ISO 8601 form (for example 2026-03-01T09:30:00+01:00).")], ex.Errors);
    }

    [Fact]
    public void Validate_RefusedRequest_MessageListsFieldsAndProblems()
    {
        var input = Valid() with { Subject = null, AffectedUsers = -1 };

        var ex = Assert.Throws<ValidationException>(() => _validator.Validate(input, Now));

        Assert.Equal("subject: is required.; affectedUsers: cannot be negative.", ex.Message);
    }

    private static (NewTicket Input, string Field) WithProblem(string problem) => problem switch
    {
        "kind" => (Valid() with { Kind = "problem" }, "kind"),
        "kindNumber" => (Valid() with { Kind = "1" }, "kind"),
        "channel" => (Valid() with { Channel = "fax" }, "channel"),
        "subject" => (Valid() with { Subject = null }, "subject"),
        "subjectLong" => (Valid() with { Subject = new string('x', 501) }, "subject"),
        "reporter" => (Valid() with { Reporter = null }, "reporter"),
        "reporterMailOnly" => (Valid() with { Reporter = new Reporter { Mail = "a@example.com" } }, "reporter"),
        "occurredAt" => (Valid() with { OccurredAt = "yesterday", ReportedAt = null }, "occurredAt"),
        "occurredAtNoOffset" => (
            Valid() with { OccurredAt = "2026-03-02T09:00:00", ReportedAt = null },
            "occurredAt"),
        "occurredAtLate" => (Valid() with { OccurredAt = "2026-03-02T09:45:00Z" }, "occurredAt"),
        "affectedUsers" => (Valid() with { AffectedUsers = -1 }, "affectedUsers"),
        "category" => (Valid() with { Category = "Plumbing", Subcategory = null }, "category"),
        "subcategory" => (Valid() with { Category = "Network", Subcategory = "Bluetooth" }, "subcategory"),
        "subcategoryAlone" => (Valid() with { Category = null, Subcategory = "VPN" }, "subcategory"),
        "impact" => (Valid() with { Impact = "9" }, "impact"),
        "urgency" => (Valid() with { Urgency = "urgent" }, "urgency"),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
