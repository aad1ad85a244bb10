namespace Workflow.Engine.Tickets;

public sealed partial class Ticket
{
    /// <summary>True for an incident that groups others as its children; resolving it resolves them.</summary>
    public bool IsMajorIncident { get; private set; }

    /// <summary>Marks the ticket as a major incident, which other incidents may then name as their parent.</summary>
    public void MarkMajorIncident()
    {
        EnsureNotFinal("mark as major incident");
        Set(nameof(IsMajorIncident), IsMajorIncident, true, v => IsMajorIncident = v);
    }

    /// <summary>Makes the ticket a child of a major incident, or (with null) no one's child.</summary>
    public void LinkParent(long? parentId)
    {
        if (parentId == Id && parentId is not null)
        {
            throw new InvalidOperationException("A ticket cannot be its own parent.");
        }

        Set(nameof(ParentTicketId), ParentTicketId, parentId, v => ParentTicketId = v);
    }

    /// <summary>Records that the ticket repeats another one, or (with null) that it does not.</summary>
    public void LinkDuplicate(long? originalId)
    {
        if (originalId == Id && originalId is not null)
        {
            throw new InvalidOperationException("A ticket cannot be a duplicate of itself.");
        }

        Set(nameof(DuplicateOfTicketId), DuplicateOfTicketId, originalId, v => DuplicateOfTicketId = v);
    }

    /// <summary>Records the problem that caused the ticket, or (with null) removes the link.</summary>
    public void LinkProblem(string? problemNumber) =>
        Set(nameof(ProblemReference), ProblemReference, problemNumber, v => ProblemReference = v);
}
