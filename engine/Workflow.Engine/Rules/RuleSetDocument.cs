using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Rules;

/// <summary>
/// A company rule set as JSON, the form it is stored, exported and imported in:
/// <c>{"id":"company","rules":[{"name":"VPN","salience":10,"condition":"ticket.Mentions(\"vpn\")",
/// "action":"setCategory","value":"Network"}]}</c>.
/// </summary>
public sealed class RuleSetDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The longest rule name: sweeps record the rules that acted on a ticket by name.</summary>
    public const int MaxNameLength = 200;

    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    /// <summary>Reads and checks a rule set; every problem names its JSON path.</summary>
    /// <exception cref="ValidationException">The JSON is unreadable or a rule is incomplete.</exception>
    public static (string Id, IReadOnlyList<CompanyRule> Rules) Parse(string json)
    {
        RuleSetDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<RuleSetDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";

            // Well-formed JSON with a value of the wrong type names the field, as a missing value does.
            if (ex.Path is { Length: > 2 } path && ex.Message.StartsWith("The JSON value could not be converted"))
            {
                throw new ValidationException(path[2..], $"has a value of the wrong type (at {where}).");
            }

            throw new ValidationException("$", $"not valid JSON at {where}.");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(doc?.Id))
        {
            errors.Add(new("id", "is required."));
        }

        var rules = new List<CompanyRule>();
        var items = doc?.Rules ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (Rule(errors, $"rules[{i}]", items[i]) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : (doc!.Id!, rules);
    }

    public static string Write(string id, IEnumerable<CompanyRule> rules) => JsonSerializer.Serialize(
        new RuleSetDocument
        {
            Id = id,
            Rules = [.. rules.Select(r => new RuleDocument
            {
                Name = r.Name,
                Salience = r.Salience,
                Condition = r.Condition,
                Action = JsonNamingPolicy.CamelCase.ConvertName(r.Action.ToString()),
                Value = r.Value,
            })],
        },
        Options);

    private static CompanyRule? Rule(List<FieldError> errors, string path, RuleDocument? item)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(item?.Name))
        {
            errors.Add(new($"{path}.name", "is required."));
        }
        else if (item.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new($"{path}.name", $"is longer than {MaxNameLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(item?.Condition))
        {
            errors.Add(new($"{path}.condition", "is required."));
        }

        if (!Names.TryParse<RuleActionKind>(item?.Action, out var action))
        {
            errors.Add(new($"{path}.action", $"'{item?.Action}' is not one of "
                + string.Join(", ", Enum.GetNames<RuleActionKind>().Select(JsonNamingPolicy.CamelCase.ConvertName)) + "."));
        }
        else if (!TimeRules.TakesNoValue(action) && string.IsNullOrWhiteSpace(item?.Value))
        {
            errors.Add(new($"{path}.value", $"'{item?.Action}' needs a value."));
        }

        return errors.Count > before
            ? null
            : new CompanyRule(item!.Name!.Trim(), item.Salience, item.Condition!, action, item.Value);
    }

    public sealed class RuleDocument
    {
        public string? Name { get; set; }

        public int Salience { get; set; }

        public string? Condition { get; set; }

        public string? Action { get; set; }

        public string? Value { get; set; }
    }
}
