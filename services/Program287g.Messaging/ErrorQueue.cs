using RabbitMQ.Client;

namespace Program287g.Messaging;

/// <summary>Messages that failed every retry wait, visible, in "&lt;queue&gt;_error" (MassTransit's convention), never
/// acknowledged away. This moves them back to the queue they came from once the cause is fixed.</summary>
public static class ErrorQueue
{
    public static string For(string queue) => $"{queue}_error";

    /// <summary>Counts the messages waiting in a queue without consuming them; a queue not declared yet (an error
    /// queue before its first fault) holds none.</summary>
    public static async Task<uint> CountAsync(string amqpUri, string queue, CancellationToken cancellationToken = default)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Moves every message from the queue's error queue back to the queue (through the queue's own exchange,
    /// which MassTransit binds to it), each confirmed by the broker before it leaves the error queue.</summary>
    public static async Task<int> ReplayAsync(string amqpUri, string queue, CancellationToken cancellationToken = default)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var moved = 0;
        while (await channel.BasicGetAsync(For(queue), autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties) { Persistent = true };
            await channel.BasicPublishAsync(queue, "", mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }
}
