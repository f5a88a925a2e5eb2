using System.Globalization;
using System.Runtime.InteropServices;

namespace Program287g.Benchmarks.Writes;

/// <summary>What the gRPC benchmarks print: the machine and the date, a markdown table, and, loudly, any errors.</summary>
public sealed class Report(string title, string shape, string servers)
{
    private string _loadAtStart = "";

    public void Start()
    {
        _loadAtStart = LoadAverage();
        Console.WriteLine($"Program287g {title}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {OperatingSystemName()}, {RuntimeInformation.FrameworkDescription}; "
            + $"servers: {servers}; load average at start: {_loadAtStart}");
        Console.WriteLine(shape);
        Console.WriteLine();
    }

    public static string Describe(LoadShape shape) =>
        $"{shape.Concurrency} {(shape.Concurrency == 1 ? "call" : "calls")} in flight, {shape.Duration.TotalSeconds:0} s measured after {shape.WarmUp.TotalSeconds:0} s of warm-up, "
        + "per operation, one after another";

    public static void Table(IEnumerable<Measurement> measurements)
    {
        Console.WriteLine("| operation | calls | errors | req/s | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var m in measurements)
        {
            Console.WriteLine(Invariant($"| {m.Operation} | {m.Calls} | {m.ErrorCount} | {m.PerSecond:0} | {m.Milliseconds(50):0.0} | {m.Milliseconds(99):0.0} | {m.MaxMilliseconds:0.0} |"));
        }
        Console.WriteLine();
        var sampled = measurements.Where(m => m.Runtime is not null).ToList();
        if (sampled.Count == 0)
        {
            return;
        }
        Console.WriteLine($"The process while each ran ({RuntimeSample.Settings}; the services and the bare servers share it):");
        Console.WriteLine();
        Console.WriteLine("| operation | GCs gen0 / gen1 / gen2 | GC pause ms | methods jitted | JIT ms | process CPU µs per call |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        foreach (var m in sampled)
        {
            var r = m.Runtime!;
            Console.WriteLine(Invariant(
                $"| {m.Operation} | {r.Gen0} / {r.Gen1} / {r.Gen2} | {r.GcPause.TotalMilliseconds:0} | {r.MethodsJitted} | {r.JitTime.TotalMilliseconds:0} | {(m.Calls > 0 ? r.ProcessCpu.TotalMicroseconds / m.Calls : 0):0} |"));
        }
        Console.WriteLine();
    }

    public static void Ratios(IEnumerable<(Measurement Real, Measurement Bare)> pairs)
    {
        Console.WriteLine("| real / bare | req/s | p99 |");
        Console.WriteLine("|---|--:|--:|");
        foreach (var (real, bare) in pairs)
        {
            var name = real.Operation[..real.Operation.IndexOf(',', StringComparison.Ordinal)];
            Console.WriteLine(Invariant($"| {name} | {real.PerSecond / bare.PerSecond:0.00} | {real.Milliseconds(99) / bare.Milliseconds(99):0.00} |"));
        }
        Console.WriteLine();
    }

    /// <summary>The closing lines; returns the exit code: 1 when any call failed or an operation ran out of agencies.</summary>
    public int Finish(IReadOnlyList<Measurement> all)
    {
        Console.WriteLine($"load average at start: {_loadAtStart}; at end: {LoadAverage()}");
        var failed = all.Where(m => m.ErrorCount > 0 || m.RanOut).ToList();
        foreach (var m in failed)
        {
            if (m.ErrorCount > 0)
            {
                var byStatus = string.Join(", ", m.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}"));
                Console.WriteLine($"!!! {m.Operation}: {m.ErrorCount} of {m.Calls} calls FAILED: {byStatus}");
            }
            if (m.RanOut)
            {
                Console.WriteLine($"!!! {m.Operation}: RAN OUT of pre-registered agencies before the time was up");
            }
        }
        if (failed.Count > 0)
        {
            Console.WriteLine("!!! THIS RUN HAD ERRORS: its figures are not comparable.");
            return 1;
        }
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    private static string OperatingSystemName()
    {
        var release = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return release is null ? RuntimeInformation.OSDescription : release["PRETTY_NAME=".Length..].Trim('"');
    }
}
