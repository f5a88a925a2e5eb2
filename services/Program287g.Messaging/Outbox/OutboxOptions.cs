namespace Program287g.Messaging.Outbox;

/// <summary>The "Messaging:Outbox" configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>Rows claimed per transaction (FOR UPDATE SKIP LOCKED).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Dispatch loops per process, each claiming its own rows. One was fastest on the 2-core machine (more
    /// loops only compete for the CPU); raise it where the broker's confirms are slow, as on a replicated cluster.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>The safety net under LISTEN/NOTIFY: a missed notification costs at most this much delay.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed and is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay after a failed publish; it doubles per attempt up to <see cref="MaxRetryDelay"/>.
    /// There is no last attempt: a row is retried until it is sent.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sent outbox rows and inbox rows older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often outbox depth and the age of the oldest unsent row are sampled for the metrics.</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>False keeps rows in the outbox (tests of what waits there; a service that must not publish).</summary>
    public bool DispatchEnabled { get; set; } = true;

    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
