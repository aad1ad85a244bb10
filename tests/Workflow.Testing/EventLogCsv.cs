using System.Globalization;

namespace Workflow.Testing;

/// <summary>
/// Writes a small ServiceNow incident event log in the export's layout, for tests of the import: the 36-column
/// header of the UCI slice, one comma-separated row per update of an incident, no quoting, <c>?</c> for a
/// missing value and wall-clock times like <c>29/2/2016 01:16</c>. Every row starts from the same plausible
/// medium-priority phone incident, opened at <c>1/3/2016 09:00</c> and registered five minutes later; a test
/// names only the columns it cares about, for one row or, through the constructor, for every row.
/// </summary>
public sealed class EventLogCsv
{
    public const string Header =
        "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,"
        + "opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,"
        + "subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,"
        + "u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,"
        + "closed_at";

    private static readonly string[] Columns = Header.Split(',');

    private static readonly Dictionary<string, string> StandardValues = new(StringComparer.Ordinal)
    {
        ["reassignment_count"] = "0",
        ["reopen_count"] = "0",
        ["made_sla"] = "true",
        ["caller_id"] = "Caller 2403",
        ["opened_by"] = "Opened by  8",
        ["opened_at"] = "1/3/2016 09:00",
        ["sys_created_by"] = "Created by 6",
        ["sys_created_at"] = "1/3/2016 09:05",
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

    private readonly Dictionary<string, string> _defaults;

    private readonly List<string> _lines = [Header];

    /// <summary>Starts a log that holds only the header.</summary>
    /// <param name="defaults">
    /// Values that replace the standard ones in every row of this log, such as another <c>opened_at</c>; a
    /// row's own values still win over them.
    /// </param>
    public EventLogCsv(params (string Column, string Value)[] defaults)
    {
        _defaults = new Dictionary<string, string>(StandardValues, StringComparer.Ordinal);
        Apply(_defaults, defaults, nameof(defaults));
    }

    /// <summary>The number of fields in a whole row: 36, as in the header.</summary>
    public static int ColumnCount => Columns.Length;

    /// <summary>The line number the next row will have in the file; the header is line 1.</summary>
    public int NextLine => _lines.Count + 1;

    /// <summary>
    /// Adds one update of an incident. <c>active</c> follows <paramref name="state"/> (false once Closed);
    /// columns not named in <paramref name="values"/> keep this log's defaults, or <c>?</c> where it has none.
    /// </summary>
    /// <exception cref="ArgumentException">A column is not one of the export's.</exception>
    public EventLogCsv Add(
        string number,
        string state,
        int modCount,
        string updatedAt,
        params (string Column, string Value)[] values)
    {
        _lines.Add(string.Join(',', Row(number, state, modCount, updatedAt, values)));
        return this;
    }

    /// <summary>
    /// Adds an update like <see cref="Add"/> but without its last field, as a truncated export has it.
    /// </summary>
    public EventLogCsv AddTruncated(
        string number,
        string state,
        int modCount,
        string updatedAt,
        params (string Column, string Value)[] values)
    {
        _lines.Add(string.Join(',', Row(number, state, modCount, updatedAt, values)[..^1]));
        return this;
    }

    /// <summary>Adds a line exactly as given, for rows the reader must reject.</summary>
    public EventLogCsv AddRaw(string line)
    {
        _lines.Add(line);
        return this;
    }

    /// <summary>Reads the log from memory, as the import reads a file.</summary>
    public TextReader Open() => new StringReader(ToString());

    /// <summary>Writes the log to <paramref name="path"/>, replacing any file there.</summary>
    public Task WriteAsync(string path) => File.WriteAllTextAsync(path, ToString());

    /// <summary>The whole log: every line ends with <c>\n</c>, the last one too.</summary>
    public override string ToString() => string.Join('\n', _lines) + "\n";

    private string[] Row(
        string number,
        string state,
        int modCount,
        string updatedAt,
        (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(_defaults, StringComparer.Ordinal)
        {
            ["number"] = number,
            ["incident_state"] = state,
            ["active"] = state == "Closed" ? "false" : "true",
            ["sys_mod_count"] = modCount.ToString(CultureInfo.InvariantCulture),
            ["sys_updated_at"] = updatedAt,
        };
        Apply(row, values, nameof(values));
        return [.. Columns.Select(c => row.GetValueOrDefault(c, "?"))];
    }

    private static void Apply(
        Dictionary<string, string> row,
        (string Column, string Value)[] values,
        string parameter)
    {
        foreach (var (column, value) in values)
        {
            if (!Columns.Contains(column))
            {
                throw new ArgumentException($"The export has no column '{column}'.", parameter);
            }

            row[column] = value;
        }
    }
}
