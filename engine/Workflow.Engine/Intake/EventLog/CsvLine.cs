namespace Workflow.Engine.Intake.EventLog;

/// <summary>Splits one CSV line into fields; double-quoted fields may hold commas and doubled quotes.</summary>
internal static class CsvLine
{
    /// <summary>Fills <paramref name="fields"/>; returns false when a quoted field is never closed.</summary>
    public static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        if (!line.Contains('"'))
        {
            foreach (var range in line.AsSpan().Split(','))
            {
                fields.Add(line[range]);
            }

            return true;
        }

        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return !quoted;
    }
}
