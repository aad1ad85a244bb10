namespace Workflow.Host.Tests.Cli;

/// <summary>
/// Writes a small ServiceNow incident event log in the export's format: the 36-column header, one row per
/// update, <c>?</c> for missing values, wall-clock times like <c>1/3/2016 08:05</c>. Every row starts from
/// the same plausible values; a test overrides the columns it cares about.
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

    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["active"] = "true",
        ["reassignment_count"] = "0",
        ["reopen_count"] = "0",
        ["made_sla"] = "true",
        ["caller_id"] = "Caller 2403",
        ["opened_by"] = "Opened by  8",
        ["opened_at"] = "1/3/2016 08:00",
        ["sys_created_by"] = "Created by 6",
        ["sys_created_at"] = "1/3/2016 08:05",
        ["sys_updated_by"] = "Updated by 21",
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

    private readonly List<string> _lines = [Header];

    /// <summary>The line number the next row will have in the file; the header is line 1.</summary>
    public int NextLine => _lines.Count + 1;

    /// <summary>Adds one update of an incident; columns not named keep their defaults or <c>?</c>.</summary>
    public EventLogCsv Event(
        string number,
        string state,
        int modCount,
        string updatedAt,
        params (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(Defaults)
        {
            ["number"] = number,
            ["incident_state"] = state,
            ["active"] = state == "Closed" ? "false" : "true",
            ["sys_mod_count"] = modCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sys_updated_at"] = updatedAt,
        };
        foreach (var (column, value) in values)
        {
            Assert.Contains(column, Columns);
            row[column] = value;
        }

        _lines.Add(string.Join(',', Columns.Select(c => row.GetValueOrDefault(c, "?"))));
        return this;
    }

    /// <summary>Adds a line exactly as given, for rows the reader must reject.</summary>
    public EventLogCsv Raw(string line)
    {
        _lines.Add(line);
        return this;
    }

    public Task WriteAsync(string path) => File.WriteAllTextAsync(path, string.Join('\n', _lines) + "\n");
}
