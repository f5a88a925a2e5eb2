using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Contracts;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Delivers an event the Agreement service published a second time, as the broker or the outbox would after
/// a crash: the very message (same id and body) read back from the Agreement service's outbox, published again; or the
/// same news under a new message id. A consume observer on the Nominee service's bus says when it has been handled.</summary>
public sealed class Redelivery : IConsumeObserver
{
    private readonly ConcurrentBag<Guid> _consumed = [];

    public static Redelivery Watch(NomineeSystem system)
    {
        var redelivery = new Redelivery();
        system.NomineeHost.Services.GetRequiredService<IBus>().ConnectConsumeObserver(redelivery);
        return redelivery;
    }

    /// <summary>The event of <typeparamref name="TEvent"/> the Agreement service recorded for the agreement, as published.</summary>
    public static async Task<TEvent> RecordedAsync<TEvent>(NomineeSystem system, string agreementId) where TEvent : IntegrationEvent
    {
        var database = system.Programs.AgreementHost.Services.GetRequiredService<IConfiguration>()
            .GetConnectionString(ResourceNames.AgreementDatabase);
        await using var connection = new NpgsqlConnection(database);
        var body = await connection.QuerySingleAsync<string>("""
            SELECT body::text FROM outbox_messages
            WHERE message_type LIKE @type || ',%' AND body->>'AgreementId' = @agreementId
            """, new { type = typeof(TEvent).FullName, agreementId });
        return JsonSerializer.Deserialize<TEvent>(body)!;
    }

    /// <summary>Publishes <paramref name="message"/> under its own message id (or <paramref name="messageId"/>) and waits
    /// until the Nominee service has consumed it.</summary>
    public async Task DeliverAgainAsync<TEvent>(NomineeSystem system, TEvent message, Guid? messageId = null) where TEvent : IntegrationEvent
    {
        var id = messageId ?? message.MessageId;
        var bus = system.Programs.AgreementHost.Services.GetRequiredService<IBus>();
        await bus.Publish(message with { MessageId = id }, context => context.MessageId = id);
        await Testing.Eventually.ReturnsAsync(() => Task.FromResult(_consumed.Contains(id)), done => done, TimeSpan.FromSeconds(30));
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _consumed.Add(id);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
