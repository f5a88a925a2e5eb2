using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Messaging.Inbox;
using Program287g.ServiceTests.Messaging.Contracts;

namespace Program287g.ServiceTests.Messaging;

/// <summary>The effect under test: one row in effects per handled message, written in the inbox transaction; every
/// finished delivery (handled or found in the inbox) is counted in the <see cref="ConsumeLog"/>.</summary>
public sealed class ThingConsumer(NpgsqlDataSource database, ConsumeLog log) : IConsumer<ThingHappened>
{
    private readonly Effect _effect = new(database);

    public async Task Consume(ConsumeContext<ThingHappened> context)
    {
        await _effect.Consume(context);
        log.Finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
    }

    private sealed class Effect(NpgsqlDataSource database) : IdempotentConsumer<ThingHappened>(database)
    {
        protected override string ConsumerName => typeof(ThingConsumer).FullName!;

        protected override Task HandleAsync(ConsumeContext<ThingHappened> context, NpgsqlTransaction transaction) =>
            transaction.Connection!.ExecuteAsync(
                "INSERT INTO effects (message_id, thing, trace_id) VALUES (@id, @thing, @trace)",
                new { id = context.MessageId, thing = context.Message.Thing, trace = Activity.Current?.TraceId.ToString() },
                transaction);
    }
}

public sealed class ConsumeLog
{
    public ConcurrentDictionary<Guid, int> Finished { get; } = new();
}

/// <summary>Counts raw deliveries, without an inbox: what shows whether a row was published twice.</summary>
public sealed class DeliveryCounter(NpgsqlDataSource database) : IConsumer<ThingHappened>
{
    public async Task Consume(ConsumeContext<ThingHappened> context)
    {
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync("INSERT INTO deliveries (message_id) VALUES (@id)", new { id = context.MessageId });
    }
}

/// <summary>Fails every attempt until <see cref="Cure"/>; counts the attempts.</summary>
public sealed class PoisonSwitch
{
    private volatile bool _cured;

    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();

    public ConcurrentDictionary<Guid, bool> Handled { get; } = new();

    public void Cure() => _cured = true;

    public bool Cured => _cured;
}

public sealed class PoisonConsumer(PoisonSwitch poison) : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context)
    {
        var id = context.MessageId!.Value;
        poison.Attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (!poison.Cured)
        {
            throw new InvalidOperationException("This pill is poison.");
        }
        poison.Handled[id] = true;
        return Task.CompletedTask;
    }
}
