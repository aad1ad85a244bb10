namespace Workflow.Engine.Tickets;

public sealed partial class Ticket
{
    /// <summary>Applies new descriptive values; the caller has validated them.</summary>
    /// <exception cref="InvalidOperationException">The ticket is closed or cancelled.</exception>
    public void Edit(TicketEdit edit)
    {
        EnsureNotFinal("edit");

        Set(nameof(Subject), Subject, edit.Subject ?? Subject, v => Subject = v);
        Set(nameof(Description), Description, edit.Description ?? Description, v => Description = v);
        Set(nameof(AffectedService), AffectedService, edit.AffectedService ?? AffectedService, v => AffectedService = v);
        Set(
            nameof(ConfigurationItem),
            ConfigurationItem,
            edit.ConfigurationItem ?? ConfigurationItem,
            v => ConfigurationItem = v);
        Set(nameof(AffectedUsers), AffectedUsers, edit.AffectedUsers ?? AffectedUsers, v => AffectedUsers = v);
    }
}
