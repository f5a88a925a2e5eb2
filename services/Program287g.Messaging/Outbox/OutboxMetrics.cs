using System.Diagnostics.Metrics;
using Program287g.ServiceDefaults;

namespace Program287g.Messaging.Outbox;

/// <summary>What ops watch in the dashboard: how many events wait in the outbox and how old the oldest is (a growing
/// age means the broker or the dispatcher is stuck), and how many publishes succeeded and failed.</summary>
public sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private long _depth;
    private double _oldestAgeSeconds;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(TelemetrySources.Program287g);
        _meter.CreateObservableGauge("program287g.outbox.depth", () => Interlocked.Read(ref _depth),
            unit: "{message}", description: "Events recorded in the outbox and not yet published.");
        _meter.CreateObservableGauge("program287g.outbox.oldest_unsent_age", () => Volatile.Read(ref _oldestAgeSeconds),
            unit: "s", description: "Age of the oldest event not yet published.");
        _published = _meter.CreateCounter<long>("program287g.outbox.published", unit: "{message}",
            description: "Events published from the outbox with the broker's confirm.");
        _failed = _meter.CreateCounter<long>("program287g.outbox.publish_failures", unit: "{message}",
            description: "Publish attempts that failed and were scheduled for retry.");
    }

    public long Depth => Interlocked.Read(ref _depth);

    public double OldestUnsentAgeSeconds => Volatile.Read(ref _oldestAgeSeconds);

    internal void Sampled(OutboxDepth depth)
    {
        Interlocked.Exchange(ref _depth, depth.Unsent);
        Volatile.Write(ref _oldestAgeSeconds, depth.OldestAgeSeconds);
    }

    internal void Published(int count) => _published.Add(count);

    internal void Failed(int count) => _failed.Add(count);

    public void Dispose() => _meter.Dispose();
}
