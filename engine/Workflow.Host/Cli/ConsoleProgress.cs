using System.Diagnostics;
using Workflow.Engine.Intake.EventLog;

namespace Workflow.Host.Cli;

/// <summary>
/// Shows how far an import has come: one line rewritten in place on a terminal, or a line every two seconds
/// when the output goes to a file or a pipe.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool redirected) : IProgress<ImportProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastLine;
    private bool _live;

    public void Report(ImportProgress value)
    {
        var text = value.Phase == "read"
            ? $"  read {value.Done:N0} events ({_clock.Elapsed.TotalSeconds:F1} s)"
            : $"  {value.Done:N0} / {value.Total:N0} incidents ({Percent(value)}%, {_clock.Elapsed.TotalSeconds:F1} s)";

        if (!redirected)
        {
            output.Write($"\r{text,-70}");
            _live = true;
            return;
        }

        if (_lastLine is null || _clock.Elapsed - _lastLine >= Interval || value.Done == value.Total)
        {
            _lastLine = _clock.Elapsed;
            output.WriteLine(text);
        }
    }

    public void Finish()
    {
        if (_live)
        {
            output.WriteLine();
        }
    }

    private static int Percent(ImportProgress value) => value.Total == 0 ? 100 : value.Done * 100 / value.Total;
}
