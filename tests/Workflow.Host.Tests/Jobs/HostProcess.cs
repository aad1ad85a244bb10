using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workflow.Host.Tests.Jobs;

/// <summary>
/// The host executable in a process of its own, as an installation runs it, with its console output kept for
/// the test to read. <see cref="Kill"/> ends it with SIGKILL: no shutdown, no cleanup, as a crash would.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>Workflow.Host serve</c> from the test's output folder with the given settings.</summary>
    public static HostProcess Start(string workingDirectory, params string[] settings)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Workflow.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", host, "serve", "--urls=http://127.0.0.1:0", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Lines of output that contain <paramref name="text"/>.</summary>
    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
