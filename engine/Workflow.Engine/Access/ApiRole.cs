namespace Workflow.Engine.Access;

/// <summary>
/// What a caller may do, each role including everything the ones before it may: a reporter sees only the tickets
/// they reported, an agent works every ticket, a process owner also edits workflows and categories, and an
/// administrator also manages keys.
/// </summary>
public enum ApiRole
{
    Reporter,
    Agent,
    ProcessOwner,
    Administrator,
}
