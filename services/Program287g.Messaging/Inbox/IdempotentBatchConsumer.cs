using Dapper;
using MassTransit;
using Npgsql;

namespace Program287g.Messaging.Inbox;

/// <summary>A consumer that takes its messages in batches (MassTransit's <see cref="Batch{T}"/>), each message's effect
/// at most once, as <see cref="IdempotentConsumer{TMessage}"/> gives one at a time: every message id goes into the
/// inbox in the one transaction that applies the batch, and only the messages whose ids were new are handed on. One
/// transaction and a few set-based statements for up to <see cref="InboxBatches.Size"/> messages, where one message each costs
/// a transaction and its commit apiece: for events that arrive in bursts (a registration each call, an ICE import's
/// hundreds), which compete for the same cores as the calls that raised them. A failure rolls the whole batch back and
/// the retry policy runs it again; nothing is acknowledged before its effect has committed.</summary>
public abstract class IdempotentBatchConsumer<TMessage>(NpgsqlDataSource database) : IConsumer<Batch<TMessage>>
    where TMessage : class
{
    /// <summary>The inbox key's first half: a message consumed by two consumers is handled once by each.</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.Select(message => (Id: message.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated."),
            Message: message.Message)).ToList();
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        // A redelivered message (or one delivered twice in the same batch) is in the inbox already: not returned.
        var firsts = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            INSERT INTO inbox_messages (consumer, message_id)
            SELECT @consumer, id FROM unnest(@ids) AS ids(id)
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """, new { consumer = ConsumerName, ids = messages.Select(m => m.Id).ToArray() }, transaction,
            cancellationToken: context.CancellationToken))).ToHashSet();
        if (firsts.Count > 0)
        {
            var taken = new HashSet<Guid>();
            var handled = messages.Where(m => firsts.Contains(m.Id) && taken.Add(m.Id)).Select(m => m.Message).ToList();
            await HandleAsync(handled, transaction, context.CancellationToken);
        }
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>The effect of the messages not handled before, in the order they arrived, inside the inbox
    /// transaction. Throwing rolls all of it back and lets the retry policy act.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, NpgsqlTransaction transaction,
        CancellationToken cancellationToken);

}

/// <summary>How the bus collects an <see cref="IdempotentBatchConsumer{TMessage}"/>'s batches, given when the consumer is
/// added: <c>bus.AddConsumer&lt;TConsumer&gt;(InboxBatches.Configure)</c>.</summary>
public static class InboxBatches
{
    /// <summary>Messages per batch. It must not exceed the endpoint's ConcurrentMessageLimit (16 by default), or a batch
    /// could never fill and would always wait out <see cref="TimeLimit"/>.</summary>
    public const int Size = 16;

    /// <summary>How long a batch waits after its first message for more: short, since nothing waits for the effect but
    /// whoever reads this service's copy next.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(10);

    public static void Configure<TConsumer>(IRegistrationContext context, IConsumerConfigurator<TConsumer> consumer)
        where TConsumer : class =>
        consumer.Options<BatchOptions>(options => options.SetMessageLimit(Size).SetTimeLimit(TimeLimit));
}
