using MassTransit;

namespace Program287g.Messaging;

/// <summary>How every receive endpoint is set up, chosen once rather than left to defaults.</summary>
internal static class ReceiveTopology
{
    public static void Configure(IReceiveEndpointConfigurator endpoint, ConsumerOptions options)
    {
        endpoint.UseMessageRetry(retry => retry.Exponential(options.RetryLimit, options.RetryMinInterval,
            options.RetryMaxInterval, options.RetryMinInterval));
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            // Quorum queues are replicated and durable by design, and they count deliveries: what a cluster needs, and
            // harmless on the single node used here. Queues and exchanges are durable and messages persistent by default.
            rabbit.SetQuorumQueue();
            rabbit.PrefetchCount = options.PrefetchCount;
        }
    }
}
