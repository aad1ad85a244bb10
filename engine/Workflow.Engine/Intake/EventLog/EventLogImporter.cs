using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Intake.EventLog;

/// <summary>Settings of one import run.</summary>
public sealed record EventLogImportOptions
{
    /// <summary>The system the export came from; it prefixes each ticket's external key.</summary>
    public string Source { get; init; } = "servicenow";

    /// <summary>The matrix the export's priorities are checked against and the tickets are prioritised with.</summary>
    public required PriorityScheme PriorityScheme { get; init; }

    /// <summary>The zone of the export's wall-clock times, which carry no offset.</summary>
    public required TimeInput Times { get; init; }

    /// <summary>Incidents saved per transaction.</summary>
    public int BatchSize { get; init; } = 1000;
}

/// <summary>
/// Imports a ServiceNow incident event log: every incident becomes one ticket run through the default
/// workflow. Each batch of tickets commits in one transaction, so a failure never leaves part of a ticket,
/// and incidents imported before are recognised by their external key and left alone.
/// </summary>
public sealed class EventLogImporter(WorkflowEngine engine)
{
    public async Task<ImportSummary> ImportAsync(
        TextReader input,
        string sourceName,
        EventLogImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new ImportSummary { Source = sourceName };

        var incidents = ReadIncidents(input, options, summary);
        summary.ReadTime = clock.Elapsed;
        progress?.Report(new ImportProgress("read", summary.Events, summary.Events));
        CheckPriorities(incidents.Values, options.PriorityScheme, summary);

        var tree = ExtendTree(engine.Categories, incidents.Values, summary);
        // An import replays decisions the source system already made; rules of ours would rewrite history.
        var runtime = new WorkflowRuntime(engine.Catalog, options.PriorityScheme, tree);
        var (version, definition) = await engine.Definitions.LatestPublishedAsync(
            WorkflowDefinitionStore.DefaultId,
            cancellationToken);
        var folder = new IncidentFolder(runtime, definition, version, options.Source);

        await FoldAndSaveAsync(folder, incidents, options, summary, progress, cancellationToken);

        summary.Elapsed = clock.Elapsed;
        summary.PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return summary;
    }

    private static Dictionary<string, List<IncidentEvent>> ReadIncidents(
        TextReader input,
        EventLogImportOptions options,
        ImportSummary summary)
    {
        var reader = new EventLogReader(options.PriorityScheme, options.Times);
        var incidents = new Dictionary<string, List<IncidentEvent>>(StringComparer.Ordinal);

        foreach (var e in reader.Read(input, summary.RejectedRows))
        {
            if (!incidents.TryGetValue(e.Number, out var events))
            {
                events = [];
                incidents[e.Number] = events;
            }

            events.Add(e);
        }

        summary.Events = incidents.Values.Sum(e => e.Count) + summary.RejectedRows.Count;
        summary.Incidents = incidents.Count;

        // Updates within the same minute share a timestamp; the update counter then orders them.
        foreach (var events in incidents.Values)
        {
            events.Sort((a, b) => (a.UpdatedAt, a.ModCount, a.Line).CompareTo((b.UpdatedAt, b.ModCount, b.Line)));
        }

        return incidents;
    }

    private static void CheckPriorities(
        IEnumerable<List<IncidentEvent>> incidents,
        PriorityScheme scheme,
        ImportSummary summary)
    {
        var all = incidents.ToList();
        summary.Reprioritised = all.Count(events => events.Exists(e => e.RecordedPriority != events[0].RecordedPriority));
        foreach (var e in all.SelectMany(events => events))
        {
            var computed = scheme.PriorityFor(e.Impact, e.Urgency);
            var recorded = scheme.FindLevel(e.RecordedPriority);
            summary.PriorityChecked++;

            if (recorded?.Code == computed.Code)
            {
                summary.PriorityAgreed++;
                continue;
            }

            var pattern = new PriorityDisagreement(e.Impact, e.Urgency, e.RecordedPriority, computed.Label);
            summary.Disagreements[pattern] = summary.Disagreements.GetValueOrDefault(pattern) + 1;
        }
    }

    /// <summary>The export's categories are the company's own, so the import adds those the tree lacks.</summary>
    private static CategoryTree ExtendTree(
        CategoryTree tree,
        IEnumerable<List<IncidentEvent>> incidents,
        ImportSummary summary)
    {
        var before = tree.Count;
        foreach (var e in incidents.SelectMany(events => events).Where(e => e.Category is not null))
        {
            tree = tree.With(e.Category!, e.Subcategory);
        }

        summary.CategoriesAdded = tree.Count - before;
        return tree;
    }

    private async Task FoldAndSaveAsync(
        IncidentFolder folder,
        Dictionary<string, List<IncidentEvent>> incidents,
        EventLogImportOptions options,
        ImportSummary summary,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var batch in incidents.Values.Chunk(Math.Max(1, options.BatchSize)))
        {
            await using var db = engine.Contexts.Create();
            var keys = batch.Select(events => $"{options.Source}:{events[0].Number}").ToList();
            var existing = await db.Tickets.Where(t => keys.Contains(t.ExternalKey!))
                .Select(t => t.ExternalKey!)
                .ToHashSetAsync(cancellationToken);

            await using var writer = await BulkTicketWriter.BeginAsync(db, cancellationToken);
            foreach (var events in batch)
            {
                if (existing.Contains($"{options.Source}:{events[0].Number}"))
                {
                    summary.AlreadyImported++;
                    continue;
                }

                var folding = Stopwatch.GetTimestamp();
                var instance = FoldOne(folder, events, summary);
                var writing = Stopwatch.GetTimestamp();
                summary.FoldTime += Stopwatch.GetElapsedTime(folding, writing);
                if (instance is not null)
                {
                    await writer.WriteAsync(instance, cancellationToken);
                }

                summary.WriteTime += Stopwatch.GetElapsedTime(writing);
            }

            var committing = Stopwatch.GetTimestamp();
            await writer.CommitAsync(cancellationToken);
            summary.WriteTime += Stopwatch.GetElapsedTime(committing);
            done += batch.Length;
            progress?.Report(new ImportProgress("tickets", done, incidents.Count));
        }
    }

    private static WorkflowInstance? FoldOne(IncidentFolder folder, List<IncidentEvent> events, ImportSummary summary)
    {
        var tally = new ImportTally();
        WorkflowInstance? folded = null;
        try
        {
            var (ticket, instance) = folder.Fold(events, tally);
            folded = instance;
            summary.TicketsCreated++;
            Count(summary.TicketsByState, ticket.State.ToString());
            Count(summary.TicketsByPriority, ticket.Priority ?? "none");
        }
        catch (Exception ex) when (ex is ValidationException or WorkflowException or InvalidOperationException)
        {
            // The ticket existed only in memory, so dropping it leaves nothing half-written.
            summary.RejectedRows.Add(new RowRejection(
                events[0].Line,
                events[0].Number,
                $"the whole incident ({events.Count} events) was not imported: {ex.Message}"));
        }

        summary.RefusedEvents.AddRange(tally.Refused);
        summary.EventsAfterClosure += tally.AfterClosure;
        summary.EditsNotOffered += tally.EditsNotOffered;
        summary.ReopenedAsNew += tally.ReopenedAsNew;
        return folded;
    }

    private static void Count(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
