namespace Program287g.Messaging;

/// <summary>The "Messaging:Consumers" configuration section: how every receive endpoint is set up.</summary>
public sealed class ConsumerOptions
{
    public const string SectionName = "Messaging:Consumers";

    /// <summary>Redeliveries in memory before a message goes to its error queue; bounded, so a poison message
    /// cannot spin forever, and never acknowledged away.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages the broker hands a consumer before acknowledgments: enough to keep the consumer busy,
    /// few enough that a crash leaves little to redeliver.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Messages consumed at once per endpoint; each holds a database connection while it runs.</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Prefixes every queue name: several instances of one service share queues (competing consumers);
    /// tests give each host its own.</summary>
    public string? EndpointPrefix { get; set; }
}
