using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Workflow.Engine;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;

namespace Workflow.Host.Cli;

/// <summary>
/// Reads the <c>Engine</c> settings and starts the engine with them, for <c>serve</c> and <c>import</c> alike. A
/// setting the engine would refuse is checked first, one at a time, so the error names the setting in the form
/// it is written in (<c>Engine:DefaultTimeZone</c>) rather than surfacing as a crash.
/// </summary>
internal static class EngineSettings
{
    public const string Provider = "Engine:Storage:Provider";
    public const string ConnectionString = "Engine:Storage:ConnectionString";
    public const string PriorityScheme = "Engine:PriorityScheme";
    public const string CategoriesFile = "Engine:CategoriesFile";
    public const string DefaultTimeZone = "Engine:DefaultTimeZone";
    public const string DirectoryFile = "Engine:DirectoryFile";
    public const string SlaFile = "Engine:SlaFile";

    public static EngineOptions Read(IConfiguration config)
    {
        var options = config.GetSection("Engine").Get<EngineOptions>() ?? new EngineOptions();
        foreach (var plugin in config.GetSection("Plugins").GetChildren())
        {
            options.PluginSettings[plugin.Key] = plugin.GetChildren()
                .Where(s => s.Value is not null)
                .ToDictionary(s => s.Key, s => s.Value!, StringComparer.OrdinalIgnoreCase);
        }

        return options;
    }

    /// <summary>Checks every setting, then builds the engine, migrates its database and publishes the workflow.</summary>
    /// <exception cref="EngineSettingException">A setting is refused, or the database it names cannot be opened.</exception>
    public static async Task<WorkflowEngine> StartAsync(EngineOptions options, TimeProvider? time = null)
    {
        Check(options);
        try
        {
            return await WorkflowEngine.StartAsync(options, time);
        }
        catch (Exception ex) when (ex is DbException or ArgumentException)
        {
            throw new EngineSettingException(ConnectionString, $"the database cannot be opened: {ex.Message}");
        }
        catch (ValidationException ex)
        {
            throw new EngineSettingException("Engine", ex.Message);
        }
    }

    /// <exception cref="EngineSettingException">The first setting that is refused.</exception>
    public static void Check(EngineOptions options)
    {
        // The shipped settings hold an empty connection string, which PostgreSQL would only trip over on connecting.
        if (options.Storage.IsPostgres && string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            throw new EngineSettingException(
                ConnectionString,
                "is required for PostgreSQL, for example Host=127.0.0.1;Database=workflow;Username=workflow.");
        }

        try
        {
            _ = new WorkflowDbContextFactory(options.Storage);
        }
        catch (ArgumentException ex)
        {
            // The factory's message without the parameter name .NET appends to it.
            var message = ex.Message.Split(" (Parameter")[0];
            var known = options.Storage.IsPostgres
                || options.Storage.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
            throw new EngineSettingException(known ? ConnectionString : Provider, message);
        }

        Refused(PriorityScheme, () => PrioritySchemeLoader.Resolve(options.PriorityScheme));
        Refused(CategoriesFile, () => LoadCategories(options.CategoriesFile));
        Refused(DefaultTimeZone, () => TimeInput.ForZone(options.DefaultTimeZone, DefaultTimeZone));
        Refused(DirectoryFile, () => FactDirectory.FromSetting(options.DirectoryFile));
        Refused(SlaFile, () => SlaPolicyLoader.Resolve(options.SlaFile));
    }

    private static void LoadCategories(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (Directory.Exists(file))
        {
            throw new ValidationException(CategoriesFile, $"'{file}' is a directory, not a category tree file.");
        }

        if (!File.Exists(file))
        {
            throw new ValidationException(CategoriesFile, $"'{file}' does not exist.");
        }

        using var stream = File.OpenRead(file);
        CategoryTree.Load(stream, file);
    }

    private static void Refused(string setting, Action load)
    {
        try
        {
            load();
        }
        catch (ValidationException ex)
        {
            throw new EngineSettingException(setting, Describe(setting, ex));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineSettingException(setting, ex.Message);
        }
    }

    /// <summary>The errors, each without its field when that is the setting itself (as "priorityScheme" is).</summary>
    private static string Describe(string setting, ValidationException ex)
    {
        var name = setting[(setting.LastIndexOf(':') + 1)..];
        return string.Join("; ", ex.Errors.Select(e =>
            e.Field.Equals(name, StringComparison.OrdinalIgnoreCase) || e.Field == setting
                ? e.Message
                : $"{e.Field}: {e.Message}"));
    }
}

/// <summary>An engine setting that cannot be used; the message starts with the setting's name.</summary>
internal sealed class EngineSettingException(string setting, string reason) : Exception($"{setting}: {reason}")
{
    public string Setting { get; } = setting;
}
