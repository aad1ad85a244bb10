namespace Workflow.Host.Api.Access;

/// <summary>The caller's role may not do what the request asks; answered with 403 and nothing changed.</summary>
internal sealed class ApiForbiddenException(string message) : Exception(message);
