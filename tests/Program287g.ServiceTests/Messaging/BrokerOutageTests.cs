using Program287g.Testing;

namespace Program287g.ServiceTests.Messaging;

/// <summary>Stops and starts RabbitMQ, so it has servers of its own rather than the shared ones.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private readonly TestInfrastructure _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task With_the_broker_stopped_changes_still_commit_and_every_event_arrives_once_after_it_returns()
    {
        const int changes = 40;
        var run = Guid.NewGuid().ToString("N");
        await using var host = await MessagingHost.StartAsync(_servers);
        var before = await host.ChangeThingAsync(run, "before the outage");
        await Eventually.ReturnsAsync(() => host.EffectsAsync([before.MessageId]), e => e.Count == 1, TimeSpan.FromSeconds(30));

        await _servers.StopRabbitMqAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < changes; i++)
        {
            ids.Add((await host.ChangeThingAsync(run, $"during the outage {i}")).MessageId);
        }
        (await host.QueryAsync<long>("SELECT count(*) FROM things")).ShouldBe(changes + 1);
        // The dispatcher tries, fails and schedules retries; the events wait in the outbox.
        await Eventually.ReturnsAsync(() => host.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND attempts > 0"), failed => failed > 0, TimeSpan.FromSeconds(30));
        (await host.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")).ShouldBe(changes);

        await _servers.StartRabbitMqAsync();

        var effects = await Eventually.ReturnsAsync(() => host.EffectsAsync(ids), e => e.Count == changes, TimeSpan.FromSeconds(90));
        effects.Values.ShouldAllBe(count => count == 1);
        // A consumer may see an event before the dispatcher, back from the broker's confirm, marks its row sent: the
        // marks are waited for on their own.
        await Eventually.ReturnsAsync(() => host.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"),
            unsent => unsent == 0, TimeSpan.FromSeconds(30));
        (await host.EffectsAsync(ids)).Values.ShouldAllBe(count => count == 1);
    }
}
