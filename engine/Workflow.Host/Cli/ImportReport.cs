using Workflow.Engine.Intake.EventLog;
using Workflow.Engine.Priority;

namespace Workflow.Host.Cli;

/// <summary>Prints an import's summary for a person to read.</summary>
internal static class ImportReport
{
    public static void Write(ImportSummary s, PriorityScheme scheme, int show, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Events read:        {s.Events:N0}");
        o.WriteLine($"Incidents read:     {s.Incidents:N0}");
        o.WriteLine($"Tickets created:    {s.TicketsCreated:N0}");
        o.WriteLine($"Already imported:   {s.AlreadyImported:N0} (left as they were)");
        o.WriteLine($"Categories added:   {s.CategoriesAdded:N0} (from the export to the category tree)");
        WriteRejections(o, "Rows rejected", s.RejectedRows, show);
        WriteRejections(o, "Events refused by the lifecycle", s.RefusedEvents, show);
        o.WriteLine($"Updates after closure, not applied: {s.EventsAfterClosure:N0}");
        o.WriteLine($"Field changes where no task offers them: {s.EditsNotOffered:N0}");
        o.WriteLine($"Resolved incidents sent back to New, reopened instead: {s.ReopenedAsNew:N0}");

        o.WriteLine();
        o.WriteLine("Tickets per state:");
        foreach (var (state, count) in s.TicketsByState)
        {
            o.WriteLine($"  {state,-12} {count,8:N0}");
        }

        o.WriteLine("Tickets per priority:");
        foreach (var (code, count) in s.TicketsByPriority)
        {
            o.WriteLine($"  {scheme.FindLevel(code)?.Label ?? code,-12} {count,8:N0}");
        }

        o.WriteLine();
        o.WriteLine($"Priority from impact x urgency ('{scheme.Id}') agrees with the recorded priority at "
            + $"{s.PriorityAgreed:N0} of {s.PriorityChecked:N0} events ({s.AgreementRate:P2}).");
        o.WriteLine($"Incidents whose recorded priority changed during their life: {s.Reprioritised:N0}.");
        foreach (var (p, count) in s.Disagreements.OrderByDescending(d => d.Value))
        {
            o.WriteLine($"  impact {p.Impact}, urgency {p.Urgency}: recorded '{p.Recorded}', matrix gives "
                + $"'{p.Computed}' ({count:N0} events)");
        }

        o.WriteLine();
        o.WriteLine($"Elapsed: {s.Elapsed.TotalSeconds:F2} s, {s.EventsPerSecond:N0} events/s, "
            + $"peak memory {s.PeakMemoryBytes / (1024 * 1024):N0} MB.");
        o.WriteLine($"  read {s.ReadTime.TotalSeconds:F2} s, workflow {s.FoldTime.TotalSeconds:F2} s, "
            + $"write {s.WriteTime.TotalSeconds:F2} s");
    }

    private static void WriteRejections(TextWriter o, string title, List<RowRejection> items, int show)
    {
        o.WriteLine($"{title}: {items.Count:N0}");
        foreach (var item in items.OrderBy(r => r.Line).Take(show))
        {
            o.WriteLine($"  {item}");
        }

        if (items.Count > show)
        {
            o.WriteLine($"  ... and {items.Count - show:N0} more");
        }
    }
}
