namespace Workflow.Sdk.Rules;

/// <summary>How much the business depends on a service or configuration item.</summary>
public enum ServiceCriticality
{
    /// <summary>Nothing is known about the service.</summary>
    Unknown,

    /// <summary>An outage is an inconvenience.</summary>
    Low,

    /// <summary>An outage slows part of the business.</summary>
    Medium,

    /// <summary>An outage stops part of the business.</summary>
    High,

    /// <summary>An outage stops the business or its customers.</summary>
    Critical,
}

/// <summary>The service or configuration item a ticket affects, as rules see it. Immutable.</summary>
public sealed record ServiceFact
{
    /// <summary>The service's name, or the configuration item's when no service is named.</summary>
    public string? Name { get; init; }

    /// <summary>How critical the service is.</summary>
    public ServiceCriticality Criticality { get; init; }

    /// <summary>True when the service is used across a whole site (mail, network, single sign-on).</summary>
    public bool SiteWide { get; init; }
}
