using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;
using OpenTelemetry;

namespace Program287g.Benchmarks.Writes;

/// <summary>How long to run and with how many calls in flight.</summary>
public sealed record LoadShape(TimeSpan WarmUp, TimeSpan Duration, int Concurrency);

/// <summary>Keeps a fixed number of calls in flight for a warm-up and then a measured period (a closed loop: each worker
/// starts its next call when the last one ends). Every call started in the measured period counts, with its latency in
/// microseconds; any status but OK is an error.</summary>
public static class LoadRunner
{
    private const long MaxMicroseconds = 120_000_000;

    /// <param name="prepare">Builds call number <c>index</c> (outside the timing) and returns what sends it, or null
    /// when there is nothing left to send (the agencies made for it ran out).</param>
    public static async Task<Measurement> RunAsync(string operation, LoadShape shape, Func<long, Func<Task>?> prepare)
    {
        var next = -1L;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(shape.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(shape.Duration.TotalSeconds * Stopwatch.Frequency);
        // A mark for scripts that sample the machine while one operation runs (scripts/profile-writes.sh).
        Console.WriteLine($"  {operation}: started");
        var sampledAtStart = SampleAtAsync(measureFrom);
        var workers = await Task.WhenAll(Enumerable.Range(0, shape.Concurrency).Select(_ => Task.Run(WorkAsync)));
        var runtime = RuntimeSample.Between(await sampledAtStart, RuntimeSample.Take());

        var latencies = new LongHistogram(MaxMicroseconds, 3);
        var errors = new Dictionary<string, long>();
        foreach (var worker in workers)
        {
            latencies.Add(worker.Latencies);
            foreach (var (status, count) in worker.Errors)
            {
                errors[status] = errors.GetValueOrDefault(status) + count;
            }
        }
        var lastEnd = workers.Max(w => w.LastEnd);
        var seconds = lastEnd > measureFrom ? Stopwatch.GetElapsedTime(measureFrom, lastEnd).TotalSeconds : 0;
        var measurement = new Measurement(operation, latencies, errors, seconds, RanOut: workers.Any(w => w.RanOut), runtime);
        // As it goes: a long run shows where it is, and a run cut short still shows what it measured.
        Console.WriteLine(System.FormattableString.Invariant(
            $"  {operation}: {measurement.PerSecond:0} req/s, p99 {measurement.Milliseconds(99):0.0} ms, {measurement.ErrorCount} errors"));
        return measurement;

        // The measured window starts after the warm-up: the runtime's figures are taken from there, as the latencies are.
        static async Task<RuntimeSample> SampleAtAsync(long timestamp)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            return RuntimeSample.Take();
        }

        async Task<Worker> WorkAsync()
        {
            // The load generator stands for an outside client: the in-process services' tracers must not trace it.
            using var untraced = SuppressInstrumentationScope.Begin();
            var worker = new Worker();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                if (prepare(Interlocked.Increment(ref next)) is not { } send)
                {
                    worker.RanOut = true;
                    break;
                }
                var started = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    await send();
                }
                catch (RpcException exception)
                {
                    error = exception.StatusCode.ToString();
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
                {
                    error = exception.GetType().Name;
                }
                var ended = Stopwatch.GetTimestamp();
                if (started >= measureFrom)
                {
                    worker.Record(started, ended, error);
                }
            }
            return worker;
        }
    }

    private sealed class Worker
    {
        public LongHistogram Latencies { get; } = new(MaxMicroseconds, 3);
        public Dictionary<string, long> Errors { get; } = [];
        public long LastEnd { get; private set; }
        public bool RanOut { get; set; }

        public void Record(long started, long ended, string? error)
        {
            var micros = (long)Stopwatch.GetElapsedTime(started, ended).TotalMicroseconds;
            Latencies.RecordValue(Math.Clamp(micros, 1, MaxMicroseconds));
            if (error is not null)
            {
                Errors[error] = Errors.GetValueOrDefault(error) + 1;
            }
            LastEnd = Math.Max(LastEnd, ended);
        }
    }
}

/// <summary>One operation's figures. Throughput counts successful calls only; latencies are of every call.</summary>
/// <param name="Runtime">The process's GC, JIT and CPU figures over the measured window, where the runner took them.</param>
public sealed record Measurement(string Operation, LongHistogram Latencies, IReadOnlyDictionary<string, long> Errors,
    double Seconds, bool RanOut, RuntimeSample? Runtime = null)
{
    public long Calls => Latencies.TotalCount;

    public long ErrorCount => Errors.Values.Sum();

    public double PerSecond => Seconds > 0 ? (Calls - ErrorCount) / Seconds : 0;

    public double Milliseconds(double percentile) => Latencies.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMilliseconds => Latencies.GetMaxValue() / 1000.0;
}
