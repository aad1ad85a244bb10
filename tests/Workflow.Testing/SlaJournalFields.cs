namespace Workflow.Testing;

/// <summary>
/// The SLA bookkeeping a workflow step journals along with its own changes. Tests of lifecycle steps leave them
/// out of their exact comparisons; the SLA tests check them.
/// </summary>
public static class SlaJournalFields
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "SlaPriority", "RespondedAt", "ResponseWarnAt", "ResponseDueAt", "ResponseStage", "ResolutionWarnAt",
        "ResolutionDueAt", "ResolutionStage", "SlaPausedSince", "SlaPaused",
    };
}
