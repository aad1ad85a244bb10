namespace Workflow.Engine.Tickets;

public sealed partial class Ticket
{
    /// <summary>Tags rules put on the ticket, in ordinal order; they stay once given.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>True once a rule proposed a major incident for this ticket and its like.</summary>
    public bool MajorIncidentProposed { get; private set; }

    /// <summary>True once a rule proposed opening a problem record for it.</summary>
    public bool ProblemProposed { get; private set; }

    /// <summary>
    /// Takes what rules proposed: their tags join the ticket's, and a proposal stays until an agent acts on it,
    /// since a later evaluation that no longer proposes it does not make the earlier reason go away.
    /// </summary>
    public void TakeRuleOutcomes(IEnumerable<string> tags, bool majorIncident, bool problem)
    {
        var merged = Tags.Union(tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!merged.SequenceEqual(Tags, StringComparer.Ordinal))
        {
            var old = Tags.Count == 0 ? null : string.Join(", ", Tags);
            Tags = merged;
            Record(nameof(Tags), old, string.Join(", ", merged));
        }

        if (majorIncident)
        {
            Set(nameof(MajorIncidentProposed), MajorIncidentProposed, true, v => MajorIncidentProposed = v);
        }

        if (problem)
        {
            Set(nameof(ProblemProposed), ProblemProposed, true, v => ProblemProposed = v);
        }
    }
}
