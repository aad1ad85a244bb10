using Workflow.Engine;
using Workflow.Engine.Catalog;

namespace Workflow.Host.Jobs;

/// <summary>
/// Takes up a category tree or priority scheme saved on another host of the same database: every
/// <see cref="CatalogStore.RefreshEvery"/> it compares the newest stored version numbers with those in force and
/// reads a document only when its number moved. A save on this host is in force at once without waiting for it.
/// </summary>
internal sealed partial class CatalogRefresher(WorkflowEngine engine, ILogger<CatalogRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CatalogStore.RefreshEvery, engine.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await engine.CatalogStore.RefreshAsync(stoppingToken))
            {
                var current = engine.TicketCatalog.Current;
                LogTakenUp(current.CategoriesVersion, current.SchemeVersion);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The versions in force stay; the next tick tries again.
            LogRefreshFailed(ex.Message);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Catalog taken up from the database: categories v{CategoriesVersion}, scheme v{SchemeVersion}")]
    private partial void LogTakenUp(int categoriesVersion, int schemeVersion);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "The stored catalog could not be read; the versions in force stay: {Reason}")]
    private partial void LogRefreshFailed(string reason);
}
