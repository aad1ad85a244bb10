namespace Workflow.Engine.Tests.Intake;

/// <summary>
/// Writes a small ServiceNow incident event log in the export's layout: the 36-column header of the UCI
/// slice, comma-separated, no quoting, <c>?</c> for a missing value, times like <c>29/2/2016 01:16</c>.
/// </summary>
internal sealed class EventLogCsv
{
    public const string Header =
        "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,"
        + "opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,"
        + "subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,"
        + "u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,"
        + "closed_at";

    private static readonly string[] Columns = Header.Split(',');

    private readonly List<string> _lines = [Header];

    public static int ColumnCount => Columns.Length;

    /// <summary>
    /// Adds one update of an incident and returns its line number (the header is line 1). Columns not
    /// named in <paramref name="values"/> hold a plausible medium-priority phone incident.
    /// </summary>
    public int Add(
        string number,
        string state,
        int modCount,
        string updatedAt,
        params (string Column, string Value)[] values)
    {
        var row = Row(number, state, modCount, updatedAt, values);
        _lines.Add(string.Join(',', row));
        return _lines.Count;
    }

    /// <summary>Adds a row whose last field is missing, as a truncated export would have it.</summary>
    public int AddTruncated(string number, string state, int modCount, string updatedAt)
    {
        var row = Row(number, state, modCount, updatedAt, []);
        _lines.Add(string.Join(',', row[..^1]));
        return _lines.Count;
    }

    public TextReader Open() => new StringReader(ToString());

    public override string ToString() => string.Join('\n', _lines) + "\n";

    private static string[] Row(
        string number,
        string state,
        int modCount,
        string updatedAt,
        (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = number,
            ["incident_state"] = state,
            ["active"] = state == "Closed" ? "false" : "true",
            ["reassignment_count"] = "0",
            ["reopen_count"] = "0",
            ["sys_mod_count"] = modCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["made_sla"] = "true",
            ["caller_id"] = "Caller 2403",
            ["opened_by"] = "Opened by  8",
            ["opened_at"] = "1/3/2016 09:00",
            ["sys_created_by"] = "Created by 6",
            ["sys_created_at"] = "1/3/2016 09:05",
            ["sys_updated_by"] = "Updated by 21",
            ["sys_updated_at"] = updatedAt,
            ["contact_type"] = "Phone",
            ["location"] = "Location 143",
            ["category"] = "Category 55",
            ["subcategory"] = "Subcategory 170",
            ["u_symptom"] = "Symptom 72",
            ["impact"] = "2 - Medium",
            ["urgency"] = "2 - Medium",
            ["priority"] = "3 - Moderate",
            ["assignment_group"] = "Group 56",
            ["knowledge"] = "true",
            ["u_priority_confirmation"] = "false",
            ["notify"] = "Do Not Notify",
        };

        foreach (var (column, value) in values)
        {
            if (!Columns.Contains(column))
            {
                throw new ArgumentException($"The export has no column '{column}'.", nameof(values));
            }

            row[column] = value;
        }

        return [.. Columns.Select(c => row.GetValueOrDefault(c, "?"))];
    }
}
