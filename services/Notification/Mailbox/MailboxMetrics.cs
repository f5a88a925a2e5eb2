using System.Diagnostics.Metrics;
using Program287g.Notification.Domain;
using Program287g.ServiceDefaults;

namespace Program287g.Notification.Mailbox;

/// <summary>What ops watch of the mailbox: messages recorded by outcome, and how often the server could not be read.</summary>
public sealed class MailboxMetrics
{
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _failures;

    public MailboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelemetrySources.Program287g);
        _recorded = meter.CreateCounter<long>("program287g.mailbox.recorded", "{message}", "Messages recorded from the program mailbox");
        _failures = meter.CreateCounter<long>("program287g.mailbox.failures", "{failure}",
            "Times the mailbox could not be read (the server down, the connection lost)");
    }

    public void Recorded(MailboxOutcome outcome) =>
        _recorded.Add(1, new KeyValuePair<string, object?>("program287g.mailbox.outcome", outcome.Key()));

    public void Failed() => _failures.Add(1);
}
