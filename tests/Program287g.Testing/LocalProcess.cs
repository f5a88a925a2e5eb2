using System.Collections.Concurrent;
using System.Diagnostics;
using Program287g.LocalServers;

namespace Program287g.Testing;

/// <summary>A server process a test fixture started; stopped with SIGTERM (then killed) on dispose, so no test
/// run leaves a process behind. Its output is kept so a failed start can say why.</summary>
public sealed class LocalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output.TakeLast(60));

    public static LocalProcess Start(ProcessSpec spec)
    {
        var start = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var local = new LocalProcess(process);
        process.OutputDataReceived += (_, e) => local.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => local.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {spec.FileName}.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return local;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>SIGTERM, as the orchestrator does, so servers shut down cleanly; SIGKILL after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        Signals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
    }
}
