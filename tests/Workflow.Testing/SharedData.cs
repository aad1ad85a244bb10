namespace Workflow.Testing;

/// <summary>
/// Finds the shared data folder, <c>../shared/data</c> beside the repository root (the folder holding
/// Workflow.sln). Tests that read it are skipped when it is absent, and fail under CI.
/// </summary>
public static class SharedData
{
    public const string SolutionFile = "Workflow.sln";

    /// <summary>The repository root found by walking up from the test assembly, or null outside a checkout.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>The shared data folder, whether or not it exists; null when no repository root was found.</summary>
    public static string? Folder { get; } =
        RepositoryRoot is null ? null : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>
    /// The full path of a file or folder under the shared data folder. Skips the test (fails it under CI)
    /// when it is not there.
    /// </summary>
    /// <param name="relativePath">For example <c>uci-incident-event-log/incident_event_log_first8000.csv</c>.</param>
    public static string Require(string relativePath)
    {
        Prerequisite.Require(
            RepositoryRoot is not null,
            $"No {SolutionFile} was found above {AppContext.BaseDirectory}, so ../shared/data cannot be located.");
        Prerequisite.Require(Directory.Exists(Folder), $"The shared data folder {Folder} is not there.");

        var path = Path.GetFullPath(Path.Combine(Folder!, relativePath));
        Prerequisite.Require(File.Exists(path) || Directory.Exists(path), $"The shared data {path} is not there.");
        return path;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
