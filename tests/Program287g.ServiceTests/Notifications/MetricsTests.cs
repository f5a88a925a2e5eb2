using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The promise in the dashboard: what is owed and not yet sent ("due"), what of it is overdue, the age of the
/// oldest unsent one, and the emails sent on time and late, read from the service's own meter as the exporter reads it.</summary>
[Collection(ServersCollection.Name)]
public sealed class MetricsTests(TestInfrastructure servers)
{
    private const string Acknowledgments = "application-acknowledgment";

    [Fact]
    public async Task Due_overdue_oldest_unsent_age_and_sent_on_time_or_late_follow_what_happens()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Smtp = smtp });
        using var meter = new ServiceMeter(system.Host.Services.GetRequiredService<IMeterFactory>());
        await smtp.StopAsync();
        var late = new[] { TestEvents.ApplicationSubmitted(clock.GetUtcNow()), TestEvents.ApplicationSubmitted(clock.GetUtcNow()) };

        foreach (var submitted in late)
        {
            await system.PublishAsync(submitted);
        }

        await meter.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == 2);
        (await meter.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == 0)).ShouldBe(0);
        clock.Advance(TimeSpan.FromMinutes(10));
        await meter.GaugeAsync("program287g.notifications.oldest_unsent_age", null, value => value >= 600);
        clock.Advance(TimeSpan.FromDays(1));
        await meter.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == 2);
        meter.Counted("program287g.notifications.send_failures").ShouldBeGreaterThan(0);

        await smtp.StartAgainAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var submitted in late)
        {
            await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        }
        var onTime = TestEvents.ApplicationSubmitted(clock.GetUtcNow());
        await system.PublishAsync(onTime);
        await system.NotificationAsync(n => n.ReferenceNumber == onTime.ReferenceNumber, n => n.Status == NotificationStatus.Sent);

        meter.Counted("program287g.notifications.sent", ("kind", Acknowledgments), ("timeliness", "late")).ShouldBe(2);
        meter.Counted("program287g.notifications.sent", ("kind", Acknowledgments), ("timeliness", "on_time")).ShouldBe(1);
        await meter.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == 0);
        await meter.GaugeAsync("program287g.notifications.oldest_unsent_age", null, value => value == 0);
    }

    /// <summary>Listens to the instruments of one host's meter factory only (others may live in the process).</summary>
    private sealed class ServiceMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _counted = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _observed = new();

        public ServiceMeter(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name.StartsWith("program287g.notifications.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                (instrument.IsObservable ? _observed : _counted).Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
                (instrument.IsObservable ? _observed : _counted).Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        /// <summary>The sum a counter counted, of the measurements carrying every tag given.</summary>
        public double Counted(string instrument, params (string Key, string Value)[] tags) =>
            _counted.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))))
                .Sum(m => m.Value);

        /// <summary>Observes the gauges until one reports an acceptable value (0 when nothing is reported for the kind).</summary>
        public async Task<double> GaugeAsync(string instrument, string? kind, Func<double, bool> accept) =>
            await Eventually.ReturnsAsync(() =>
            {
                _observed.Clear();
                _listener.RecordObservableInstruments();
                var observed = _observed.Where(m => m.Instrument == instrument
                    && (kind is null || m.Tags.Any(t => t.Key == "kind" && Equals(t.Value, kind)))).Select(m => m.Value).ToList();
                return Task.FromResult(observed.Count == 0 ? 0 : observed.Sum());
            }, accept, TimeSpan.FromSeconds(30));

        public void Dispose() => _listener.Dispose();
    }
}
