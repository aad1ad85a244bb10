using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// What the installation knows beyond a ticket's own details, for the facts rules see: how critical each
/// service or configuration item is and whether it serves a whole site, and which reporters are VIPs. A JSON
/// file: <c>{"services":[{"name":"Email","criticality":"Critical","siteWide":true}],"vips":["ceo@example.com"]}</c>.
/// Names compare without regard to case. Immutable and thread-safe.
/// </summary>
public sealed class FactDirectory
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, ServiceFact> _services;
    private readonly HashSet<string> _vips;

    private FactDirectory(Dictionary<string, ServiceFact> services, HashSet<string> vips)
    {
        _services = services;
        _vips = vips;
    }

    /// <summary>A directory that knows nothing: every service is of unknown criticality, nobody is a VIP.</summary>
    public static FactDirectory Empty { get; } =
        new(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));

    public int ServiceCount => _services.Count;

    /// <summary>The directory shipped with the product: common IT services and their criticality.</summary>
    public static FactDirectory Default()
    {
        using var stream = Resources.Open("directory.default.json");
        return Load(stream, "directory.default.json");
    }

    /// <summary>The directory an installation names, or the shipped one when it names none.</summary>
    /// <param name="file">The <c>DirectoryFile</c> setting: a path, or empty.</param>
    /// <exception cref="ValidationException">The path is a folder or missing, or the file is refused.</exception>
    public static FactDirectory FromSetting(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return Default();
        }

        const string Setting = "DirectoryFile";
        if (System.IO.Directory.Exists(file))
        {
            throw new ValidationException(Setting, $"'{file}' is a folder, not a file of services and VIPs.");
        }

        if (!File.Exists(file))
        {
            throw new ValidationException(Setting, $"'{file}' does not exist.");
        }

        using var stream = File.OpenRead(file);
        return Load(stream, file);
    }

    /// <summary>Reads a directory; every problem names its JSON path.</summary>
    /// <exception cref="ValidationException">The JSON is unreadable, or a service or VIP entry is incomplete.</exception>
    public static FactDirectory Load(Stream json, string source)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";
            throw new ValidationException(ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : source,
                $"not valid at {where}: {ex.Message.Split(" Path:")[0]}");
        }

        var errors = new List<FieldError>();
        var services = new Dictionary<string, ServiceFact>(StringComparer.OrdinalIgnoreCase);
        var items = doc?.Services ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var name = items[i].Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new($"services[{i}].name", "is required."));
            }
            else if (!services.TryAdd(name, new ServiceFact
                     {
                         Name = name,
                         Criticality = items[i].Criticality ?? ServiceCriticality.Unknown,
                         SiteWide = items[i].SiteWide,
                     }))
            {
                errors.Add(new($"services[{i}].name", $"'{name}' is listed twice."));
            }
        }

        var vips = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var people = doc?.Vips ?? [];
        for (var i = 0; i < people.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(people[i]))
            {
                errors.Add(new($"vips[{i}]", "is empty; give a user name or a mail address."));
            }
            else
            {
                vips.Add(people[i].Trim());
            }
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : new FactDirectory(services, vips);
    }

    /// <summary>The named service, or the configuration item when no service is named; unknown ones by name only.</summary>
    public ServiceFact Service(string? service, string? configurationItem)
    {
        if (service is not null && _services.TryGetValue(service.Trim(), out var known))
        {
            return known;
        }

        if (configurationItem is not null && _services.TryGetValue(configurationItem.Trim(), out var item))
        {
            return item;
        }

        return new ServiceFact { Name = service ?? configurationItem };
    }

    /// <summary>True when the reporter's user name or mail address is on the VIP list.</summary>
    public bool IsVip(Reporter reporter) =>
        (reporter.UserName is { } user && _vips.Contains(user.Trim()))
        || (reporter.Mail is { } mail && _vips.Contains(mail.Trim()));

    private sealed class Document
    {
        public List<ServiceEntry>? Services { get; set; }

        public List<string>? Vips { get; set; }
    }

    private sealed class ServiceEntry
    {
        public string? Name { get; set; }

        [JsonConverter(typeof(JsonStringEnumConverter<ServiceCriticality>))]
        public ServiceCriticality? Criticality { get; set; }

        public bool SiteWide { get; set; }
    }
}
