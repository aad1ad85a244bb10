namespace Workflow.Engine.Intake.EventLog;

/// <summary>What an import read, applied, refused and measured.</summary>
public sealed class ImportSummary
{
    public required string Source { get; init; }

    public int Events { get; set; }

    public int Incidents { get; set; }

    /// <summary>Rows that could not be read (malformed, missing values, unparsable times, unknown states).</summary>
    public List<RowRejection> RejectedRows { get; } = [];

    /// <summary>Well-formed events the ticket lifecycle could not follow; the ticket kept its state.</summary>
    public List<RowRejection> RefusedEvents { get; } = [];

    public int EventsAfterClosure { get; set; }

    public int EditsNotOffered { get; set; }

    public int ReopenedAsNew { get; set; }

    public int TicketsCreated { get; set; }

    /// <summary>Incidents whose ticket already existed from an earlier import; left as they were.</summary>
    public int AlreadyImported { get; set; }

    public int CategoriesAdded { get; set; }

    public SortedDictionary<string, int> TicketsByState { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> TicketsByPriority { get; } = new(StringComparer.Ordinal);

    /// <summary>Events whose recorded priority was compared with the one the matrix gives.</summary>
    public int PriorityChecked { get; set; }

    public int PriorityAgreed { get; set; }

    /// <summary>Incidents whose recorded priority changed at least once during their life.</summary>
    public int Reprioritised { get; set; }

    /// <summary>Each disagreement pattern (impact, urgency, recorded, computed) with how often it occurred.</summary>
    public Dictionary<PriorityDisagreement, int> Disagreements { get; } = [];

    public TimeSpan Elapsed { get; set; }

    /// <summary>Time spent reading and parsing the file.</summary>
    public TimeSpan ReadTime { get; set; }

    /// <summary>Time spent running the incidents through the workflow, in memory.</summary>
    public TimeSpan FoldTime { get; set; }

    /// <summary>Time spent writing and committing the tickets.</summary>
    public TimeSpan WriteTime { get; set; }

    public long PeakMemoryBytes { get; set; }

    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;

    public double AgreementRate => PriorityChecked > 0 ? (double)PriorityAgreed / PriorityChecked : 0;
}

/// <summary>One way a recorded priority differed from the matrix.</summary>
public sealed record PriorityDisagreement(string Impact, string Urgency, string Recorded, string Computed);
