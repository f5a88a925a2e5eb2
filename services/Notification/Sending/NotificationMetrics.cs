using System.Diagnostics.Metrics;
using Program287g.Notification.Data;
using Program287g.ServiceDefaults;

namespace Program287g.Notification.Sending;

/// <summary>The promise in the dashboard, tagged by kind (so acknowledgments can be told from notices): what is owed
/// and not yet sent ("due"), how much of it is overdue, how many went out on time and late, and how long the oldest
/// unsent one has waited since what it answers was received (a growing age means SMTP or the sender is stuck). The
/// gauges are sampled from the database, so every instance reports the whole backlog.</summary>
public sealed class NotificationMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;
    private volatile IReadOnlyList<Backlog> _backlog = [];

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(TelemetrySources.Program287g);
        _meter.CreateObservableGauge("program287g.notifications.due", () => PerKind(b => b.Unsent + b.Undeliverable),
            unit: "{notification}", description: "Notifications owed and not yet sent (pending, or with nobody to send to).");
        _meter.CreateObservableGauge("program287g.notifications.overdue", () => PerKind(b => b.Overdue),
            unit: "{notification}", description: "Notifications owed, not yet sent, and past their due time.");
        _meter.CreateObservableGauge("program287g.notifications.undeliverable", () => PerKind(b => b.Undeliverable),
            unit: "{notification}", description: "Notifications owed with nobody to send them to.");
        _meter.CreateObservableGauge("program287g.notifications.oldest_unsent_age",
            () => _backlog.Select(b => b.OldestUnsentAgeSeconds).DefaultIfEmpty(0).Max(),
            unit: "s", description: "Time since the oldest unsent notification's cause was received.");
        _sent = _meter.CreateCounter<long>("program287g.notifications.sent", unit: "{notification}",
            description: "Notifications the SMTP server accepted, by kind and timeliness (on_time, late).");
        _failures = _meter.CreateCounter<long>("program287g.notifications.send_failures", unit: "{attempt}",
            description: "Attempts that failed and will be retried.");
    }

    internal void Sampled(IReadOnlyList<Backlog> backlog) => _backlog = backlog;

    internal void Sent(string kind, bool onTime) =>
        _sent.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("timeliness", onTime ? "on_time" : "late"));

    internal void Failed(string kind) => _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    private IEnumerable<Measurement<long>> PerKind(Func<Backlog, long> value) =>
        _backlog.Select(b => new Measurement<long>(value(b), new KeyValuePair<string, object?>("kind", b.Kind)));

    public void Dispose() => _meter.Dispose();
}
