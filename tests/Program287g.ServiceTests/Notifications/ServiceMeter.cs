using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Program287g.Testing;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Listens to the instruments whose names start with <c>instrumentPrefix</c> on one host's meter factory only:
/// a listener sees every meter of the process, and other tests' hosts, with meters of the same name, may live in it too.
/// A meter made by a host's <see cref="IMeterFactory"/> has that factory as its scope, which tells the hosts apart.</summary>
public sealed class ServiceMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _counted = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _observed = new();

    public ServiceMeter(IMeterFactory factory, string instrumentPrefix)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name.StartsWith(instrumentPrefix, StringComparison.Ordinal))
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

    /// <summary>The sum a counter counted since the listener started, of the measurements carrying every tag given.</summary>
    public double Counted(string instrument, params (string Key, string Value)[] tags) =>
        _counted.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))))
            .Sum(m => m.Value);

    /// <summary>Waits for a counter's sum to become acceptable.</summary>
    public Task<double> CountedAsync(string instrument, Func<double, bool> accept, TimeSpan timeout) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Counted(instrument)), accept, timeout);

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
