using System.Diagnostics.Metrics;
using Program287g.Notification.Domain;
using Program287g.ServiceDefaults;

namespace Program287g.Notification.Mailbox;

/// <summary>What ops watch of the mailbox: messages recorded by outcome, how often the server could not be read, and
/// whether this instance is the one reading it (1 on exactly one instance while the mailbox is read).</summary>
public sealed class MailboxMetrics
{
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _failures;
    private long _reading;

    public MailboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelemetrySources.Program287g);
        _recorded = meter.CreateCounter<long>("program287g.mailbox.recorded", "{message}", "Messages recorded from the program mailbox");
        _failures = meter.CreateCounter<long>("program287g.mailbox.failures", "{failure}",
            "Times the mailbox could not be read (the server down, the connection lost)");
        meter.CreateObservableGauge("program287g.mailbox.reader", () => Interlocked.Read(ref _reading), "{instance}",
            "1 on the instance that holds the mailbox's lease and reads it, 0 on the others");
    }

    public void Reading(bool reading) => Interlocked.Exchange(ref _reading, reading ? 1 : 0);

    public void Recorded(MailboxOutcome outcome) =>
        _recorded.Add(1, new KeyValuePair<string, object?>("program287g.mailbox.outcome", outcome.Key()));

    public void Failed() => _failures.Add(1);
}
