using Dapper;
using MassTransit;
using Npgsql;

namespace Program287g.Messaging.Inbox;

/// <summary>A consumer whose effect happens at most once per message id. The id goes into the inbox in the same
/// transaction as the effect: a redelivery (the broker's, or the outbox's after a crash) finds it there and does
/// nothing; two deliveries at the same moment serialize on the inbox's primary key. The effect may write its own
/// events to the outbox in the same transaction (<see cref="Outbox.OutboxWriter"/>).</summary>
public abstract class IdempotentConsumer<TMessage>(NpgsqlDataSource database) : IConsumer<TMessage> where TMessage : class
{
    /// <summary>The inbox key's first half: a message consumed by two consumers is handled once by each.</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var first = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inbox_messages (consumer, message_id) VALUES (@consumer, @messageId) ON CONFLICT DO NOTHING
            """, new { consumer = ConsumerName, messageId }, transaction, cancellationToken: context.CancellationToken)) == 1;
        if (!first)
        {
            return; // handled before: acknowledging it again is the whole of the work
        }
        await HandleAsync(context, transaction);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>The effect, inside the inbox transaction. Throwing rolls both back and lets the retry policy act.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, NpgsqlTransaction transaction);
}
