using System.Globalization;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Intake.EventLog;

/// <summary>
/// Reads a ServiceNow incident event log (one row per update of an incident). A bad row becomes a
/// <see cref="RowRejection"/> naming its line and the reason; only an unusable header stops the reading.
/// </summary>
internal sealed class EventLogReader(PriorityScheme scheme, TimeInput times)
{
    private const string Missing = "?";

    private static readonly string[] TimeFormats = ["d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] Required =
    [
        "number", "incident_state", "sys_mod_count", "sys_updated_at", "opened_at", "impact", "urgency", "priority",
    ];

    private readonly Dictionary<string, IntakeChannel> _channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Phone"] = IntakeChannel.Phone,
        ["IVR"] = IntakeChannel.Phone,
        ["Email"] = IntakeChannel.Mail,
        ["Self service"] = IntakeChannel.Portal,
        ["Direct opening"] = IntakeChannel.InPerson,
        ["Walk-in"] = IntakeChannel.InPerson,
    };

    /// <summary>Reads every row; rows that cannot be used go to <paramref name="rejected"/>.</summary>
    /// <exception cref="ValidationException">The header lacks a column the import needs.</exception>
    public IEnumerable<IncidentEvent> Read(TextReader reader, List<RowRejection> rejected)
    {
        var header = reader.ReadLine() ?? throw new ValidationException("line 1", "the file is empty.");
        var columns = Columns(header);
        var fields = new List<string>(columns.Count);
        var line = 1;

        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var parsed = Parse(text, line, columns, fields, out var rejection);
            if (parsed is not null)
            {
                yield return parsed;
            }
            else
            {
                rejected.Add(rejection!);
            }
        }
    }

    private static Dictionary<string, int> Columns(string header)
    {
        var names = new List<string>();
        CsvLine.TrySplit(header.TrimStart('\uFEFF'), names);
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        var absent = Required.Where(c => !columns.ContainsKey(c)).ToList();
        return absent.Count == 0
            ? columns
            : throw new ValidationException("line 1", $"the header has no column {string.Join(", ", absent)}.");
    }

    private IncidentEvent? Parse(
        string text,
        int line,
        Dictionary<string, int> columns,
        List<string> fields,
        out RowRejection? rejection)
    {
        rejection = null;
        if (text.Contains('\uFFFD'))
        {
            rejection = new RowRejection(line, null, "the line holds bytes that are not UTF-8 text; convert the file.");
            return null;
        }

        var control = new List<FieldError>();
        TextInput.Check(control, $"line {line}", text, int.MaxValue);
        if (control.Count > 0)
        {
            rejection = new RowRejection(line, null, control[0].Message);
            return null;
        }

        if (!CsvLine.TrySplit(text, fields))
        {
            rejection = new RowRejection(line, null, "a quoted field is not closed.");
            return null;
        }

        var number = Value(fields, columns, "number");
        if (fields.Count != columns.Count)
        {
            rejection = new RowRejection(line, number, $"expected {columns.Count} fields, found {fields.Count}.");
            return null;
        }

        try
        {
            return Build(fields, columns, line, number);
        }
        catch (ValidationException ex)
        {
            rejection = new RowRejection(line, number, ex.Message);
            return null;
        }
    }

    private IncidentEvent Build(List<string> fields, Dictionary<string, int> columns, int line, string? number)
    {
        string? Get(string column) => Value(fields, columns, column);
        string Need(string column) => Get(column) ?? throw new ValidationException(column, "the value is missing.");

        var sourceState = Need("incident_state");
        var (state, hold) = State(sourceState);
        var modText = Need("sys_mod_count");
        if (!int.TryParse(modText, NumberStyles.None, CultureInfo.InvariantCulture, out var modCount))
        {
            throw new ValidationException("sys_mod_count", $"'{modText}' is not a whole number.");
        }

        return new IncidentEvent
        {
            Line = line,
            Number = number ?? throw new ValidationException("number", "the value is missing."),
            SourceState = sourceState,
            State = state,
            HoldReason = hold,
            ModCount = modCount,
            UpdatedAt = Time("sys_updated_at", Need("sys_updated_at")),
            OpenedAt = Time("opened_at", Need("opened_at")),
            CreatedAt = Get("sys_created_at") is { } created ? Time("sys_created_at", created) : null,
            Caller = Get("caller_id"),
            OpenedBy = Get("opened_by"),
            UpdatedBy = Get("sys_updated_by"),
            Channel = Get("contact_type") is { } channel && _channels.TryGetValue(channel, out var c)
                ? c
                : IntakeChannel.Import,
            Location = Get("location"),
            Category = Get("category"),
            Subcategory = Get("subcategory"),
            Symptom = Get("u_symptom"),
            ConfigurationItem = Get("cmdb_ci"),
            Impact = Level("impact", Need("impact"), scheme.FindImpact, scheme.Impacts),
            Urgency = Level("urgency", Need("urgency"), scheme.FindUrgency, scheme.Urgencies),
            RecordedPriority = Need("priority"),
            AssignmentGroup = Get("assignment_group"),
            AssignedTo = Get("assigned_to"),
            ClosedCode = Get("closed_code"),
            ProblemId = Get("problem_id"),
        };
    }

    private static (TicketState, HoldReason?) State(string text) => text switch
    {
        "New" => (TicketState.New, null),
        "Active" => (TicketState.InProgress, null),
        "Awaiting User Info" => (TicketState.OnHold, HoldReason.AwaitingCaller),
        "Awaiting Vendor" => (TicketState.OnHold, HoldReason.AwaitingVendor),
        "Awaiting Problem" => (TicketState.OnHold, HoldReason.AwaitingProblem),
        "Awaiting Evidence" => (TicketState.OnHold, HoldReason.AwaitingEvidence),
        "Resolved" => (TicketState.Resolved, null),
        "Closed" => (TicketState.Closed, null),
        _ => throw new ValidationException("incident_state", $"'{text}' is not a known state."),
    };

    private DateTimeOffset Time(string column, string text)
    {
        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new ValidationException(column, $"'{text}' is not a time like 29/2/2016 01:16.");
        }

        return times.FromLocal(column, text, at);
    }

    private static string Level(
        string column,
        string text,
        Func<string?, PriorityLevel?> find,
        IReadOnlyList<PriorityLevel> scale) =>
        find(text)?.Code
        ?? throw new ValidationException(
            column,
            $"'{text}' is not one of {string.Join(", ", scale.Select(l => l.Label))}.");

    private static string? Value(List<string> fields, Dictionary<string, int> columns, string column)
    {
        if (!columns.TryGetValue(column, out var index) || index >= fields.Count)
        {
            return null;
        }

        var value = fields[index].Trim();
        return value.Length == 0 || value == Missing ? null : value;
    }
}
