namespace Workflow.Sdk.Rules;

/// <summary>
/// Completes the facts rules see before each evaluation, for example the reporter's department from a
/// directory. Enrichers run in the order plugins were loaded, each seeing the previous one's result. They run on
/// the evaluating thread, so they must be thread-safe and quick: look up from memory, not over the network.
/// An enricher that throws is skipped for that evaluation.
/// </summary>
public interface IFactEnricher
{
    /// <summary>Returns the reporter with what the enricher knows added; the default changes nothing.</summary>
    /// <param name="reporter">The reporter as known so far.</param>
    ReporterFact EnrichReporter(ReporterFact reporter) => reporter;

    /// <summary>Returns the service with what the enricher knows added; the default changes nothing.</summary>
    /// <param name="service">The affected service as known so far.</param>
    ServiceFact EnrichService(ServiceFact service) => service;
}
