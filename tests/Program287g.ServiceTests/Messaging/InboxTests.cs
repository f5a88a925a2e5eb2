using MassTransit;
using Program287g.Messaging;
using Program287g.ServiceTests.Messaging.Contracts;
using Program287g.Testing;

namespace Program287g.ServiceTests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class InboxTests(TestInfrastructure servers)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private readonly string _run = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        await using var host = await MessagingHost.StartAsync(servers);
        var message = new ThingHappened { MessageId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, Thing = "twice", Run = _run };

        await host.Bus.Publish(message, context => context.MessageId = message.MessageId);
        await host.Bus.Publish(message, context => context.MessageId = message.MessageId);

        await Eventually.ReturnsAsync(() => host.QueryAsync<long>("SELECT count(*) FROM deliveries WHERE message_id = @id",
            new { id = message.MessageId }), deliveries => deliveries == 2, Delivery);
        await Eventually.ReturnsAsync(() => Task.FromResult(host.ConsumeLog.Finished.GetValueOrDefault(message.MessageId)),
            finished => finished == 2, Delivery);
        (await host.QueryAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = @id", new { id = message.MessageId })).ShouldBe(1);
        (await host.EffectsAsync([message.MessageId]))[message.MessageId].ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_message_have_one_effect()
    {
        await using var host = await MessagingHost.StartAsync(servers);
        var message = new ThingHappened { MessageId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, Thing = "racing", Run = _run };

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.Bus.Publish(message, context => context.MessageId = message.MessageId)));

        await Eventually.ReturnsAsync(() => Task.FromResult(host.ConsumeLog.Finished.GetValueOrDefault(message.MessageId)),
            finished => finished == 10, Delivery);
        (await host.EffectsAsync([message.MessageId]))[message.MessageId].ShouldBe(1);
    }

    [Fact]
    public async Task Consumer_queues_are_durable_quorum_queues()
    {
        await using var host = await MessagingHost.StartAsync(servers);
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(servers.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();

        // Re-declaring with the same properties succeeds only if they are the queue's own: durable and quorum.
        await using (var same = await connection.CreateChannelAsync())
        {
            await same.QueueDeclareAsync(host.PoisonQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        }
        await using var classic = await connection.CreateChannelAsync();
        var refusal = await Should.ThrowAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(() =>
            classic.QueueDeclareAsync(host.PoisonQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }));
        refusal.ShutdownReason!.ReplyCode.ShouldBe((ushort)406); // PRECONDITION_FAILED: inequivalent x-queue-type
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_sends_the_message_to_its_error_queue_from_where_it_can_be_replayed()
    {
        await using var host = await MessagingHost.StartAsync(servers);
        var pill = new PoisonPill { MessageId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, Run = _run };

        await host.Bus.Publish(pill, context => context.MessageId = pill.MessageId);

        var errorQueue = ErrorQueue.For(host.PoisonQueue);
        await Eventually.ReturnsAsync(() => ErrorQueue.CountAsync(servers.RabbitMqConnectionString, errorQueue),
            count => count == 1, Delivery);
        host.Poison.Attempts[pill.MessageId].ShouldBe(3); // the first attempt and RetryLimit (2) retries
        host.Poison.Handled.ShouldBeEmpty();

        host.Poison.Cure();
        (await ErrorQueue.ReplayAsync(servers.RabbitMqConnectionString, host.PoisonQueue)).ShouldBe(1);

        await Eventually.ReturnsAsync(() => Task.FromResult(host.Poison.Handled.ContainsKey(pill.MessageId)), handled => handled, Delivery);
        (await ErrorQueue.CountAsync(servers.RabbitMqConnectionString, errorQueue)).ShouldBe(0u);
    }
}
