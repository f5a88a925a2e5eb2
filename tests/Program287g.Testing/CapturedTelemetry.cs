using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Program287g.Testing;

/// <summary>Everything a service writes to its logs and puts on its spans while this lives, as text: for tests that
/// personal data never reaches either. Add it as a logger provider to a service host (with the minimum level at Trace
/// for the categories wanted); it listens to every ActivitySource in the process itself.</summary>
public sealed class CapturedTelemetry : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ActivityListener _listener;

    public CapturedTelemetry()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _lines.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every log line and every span seen so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Forgets what was seen so far (a host's start-up), so that what follows is judged alone.</summary>
    public void Clear() => _lines.Clear();

    public int SpanCount => _lines.Count(line => line.StartsWith("span ", StringComparison.Ordinal));

    public int LogCount => _lines.Count(line => line.StartsWith("log ", StringComparison.Ordinal));

    private static string Describe(Activity activity)
    {
        var parts = new List<string> { $"span {activity.Source.Name} {activity.DisplayName} {activity.StatusDescription}" };
        parts.AddRange(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        parts.AddRange(activity.Events.Select(e => $"{e.Name} {string.Join(' ', e.Tags.Select(tag => $"{tag.Key}={tag.Value}"))}"));
        parts.AddRange(activity.Baggage.Select(item => $"{item.Key}={item.Value}"));
        return string.Join(" | ", parts);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() => _listener.Dispose();

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => new Scope(category, state, lines);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : "";
            lines.Enqueue($"log {logLevel} {category} {formatter(state, exception)} {structured} {exception}");
        }
    }

    /// <summary>Scopes carry values too (a request path, a message id): they are written down as they open.</summary>
    private sealed class Scope : IDisposable
    {
        public Scope(string category, object state, ConcurrentQueue<string> lines) => lines.Enqueue($"log Scope {category} {state}");

        public void Dispose()
        {
        }
    }
}
