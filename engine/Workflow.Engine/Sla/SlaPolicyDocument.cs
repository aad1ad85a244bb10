namespace Workflow.Engine.Sla;

/// <summary>The JSON shape of an SLA policy file, before it is checked.</summary>
internal sealed class SlaPolicyDocument
{
    public double? WarningShare { get; set; }

    public List<string>? PauseOn { get; set; }

    public List<CalendarDocument>? Calendars { get; set; }

    public List<TargetDocument>? Targets { get; set; }

    public EscalationDocument? Escalation { get; set; }

    /// <summary>An ISO 8601 duration, for example <c>PT30M</c>.</summary>
    public string? RaiseUrgencyWhenUnassignedFor { get; set; }

    public sealed class CalendarDocument
    {
        public string? Name { get; set; }

        public bool Always { get; set; }

        public string? Zone { get; set; }

        /// <summary>Weekday name to <c>HH:mm-HH:mm</c>.</summary>
        public Dictionary<string, string>? Hours { get; set; }

        public List<string>? Holidays { get; set; }
    }

    public sealed class TargetDocument
    {
        public string? Priority { get; set; }

        public string? Response { get; set; }

        public string? Resolution { get; set; }

        public string? Calendar { get; set; }
    }

    public sealed class EscalationDocument
    {
        public List<string>? OnWarning { get; set; }

        public List<string>? OnBreach { get; set; }

        public List<string>? Tiers { get; set; }
    }
}
