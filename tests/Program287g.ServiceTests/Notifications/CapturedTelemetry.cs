using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Every log line (at every level) and every activity of every source in the process while it lives, as text,
/// so a test can say what never appeared in them.</summary>
public sealed class CapturedTelemetry : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;

    public CapturedTelemetry()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Logs => [.. _logs];

    public IReadOnlyList<Activity> Activities => [.. _activities];

    /// <summary>Each activity as one line: names, status, tags, events and their tags, baggage.</summary>
    public IEnumerable<string> ActivityTexts() => Activities.Select(a => string.Join(" | ",
        new[] { a.Source.Name, a.OperationName, a.DisplayName, a.StatusDescription ?? "" }
            .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(a.Baggage.Select(b => $"{b.Key}={b.Value}"))));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _logs);

    public void Dispose() => _listener.Dispose();

    private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            logs.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
