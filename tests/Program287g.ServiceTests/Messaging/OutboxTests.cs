using System.Diagnostics;
using System.Diagnostics.Metrics;
using Program287g.Messaging;
using Program287g.Messaging.Outbox;
using Program287g.Testing;

namespace Program287g.ServiceTests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class OutboxTests(TestInfrastructure servers)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private readonly string _run = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_committed_state_change_and_its_event_are_both_kept_and_the_event_is_consumed_once()
    {
        await using var host = await MessagingHost.StartAsync(servers);

        var thing = await host.ChangeThingAsync(_run, "committed");

        (await host.QueryAsync<long>("SELECT count(*) FROM things WHERE id = @id", new { id = thing.MessageId })).ShouldBe(1);
        (await host.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_id = @id", new { id = thing.MessageId })).ShouldBe(1);
        var effects = await Eventually.ReturnsAsync(() => host.EffectsAsync([thing.MessageId]), e => e.Count == 1, Delivery);
        effects[thing.MessageId].ShouldBe(1);
        await Eventually.ReturnsAsync(() => host.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_id = @id AND sent_at IS NOT NULL", new { id = thing.MessageId }),
            sent => sent == 1, Delivery);
    }

    [Fact]
    public async Task A_failure_after_the_state_write_leaves_neither_the_state_nor_the_event()
    {
        await using var host = await MessagingHost.StartAsync(servers);

        await Should.ThrowAsync<InvalidOperationException>(() => host.ChangeThingAsync(_run, "rolled back", failAfterWrite: true));
        // A later change that commits: once its event is consumed, the dispatcher has had every chance to send the
        // rolled-back one, had it existed.
        var sentinel = await host.ChangeThingAsync(_run, "sentinel");
        await Eventually.ReturnsAsync(() => host.EffectsAsync([sentinel.MessageId]), e => e.Count == 1, Delivery);

        (await host.QueryAsync<long>("SELECT count(*) FROM things WHERE name = 'rolled back'")).ShouldBe(0);
        (await host.QueryAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(1);
        (await host.QueryAsync<long>("SELECT count(*) FROM effects")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_dispatchers_over_one_outbox_publish_each_row_once()
    {
        const int messages = 300;
        var paused = new Dictionary<string, string?> { ["Messaging:Outbox:DispatchEnabled"] = "false" };
        List<Guid> ids = [];
        string connectionString;
        string prefix;
        await using (var writer = await MessagingHost.StartAsync(servers, settings: paused))
        {
            for (var i = 0; i < messages; i++)
            {
                ids.Add((await writer.ChangeThingAsync(_run, $"thing {i}")).MessageId);
            }
            connectionString = writer.ConnectionString;
            prefix = writer.EndpointPrefix;
        }

        // Two instances of one service: same database, same queues, each with its own dispatcher.
        await using var first = await MessagingHost.StartAsync(servers, connectionString, prefix);
        await using var second = await MessagingHost.StartAsync(servers, connectionString, prefix);

        await Eventually.ReturnsAsync(() => first.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"),
            unsent => unsent == 0, Delivery);
        await Eventually.ReturnsAsync(() => first.QueryAsync<long>("SELECT count(DISTINCT message_id) FROM deliveries"),
            delivered => delivered == messages, Delivery);
        (await first.QueryAsync<long>("SELECT count(*) FROM deliveries")).ShouldBe(messages);
        (await first.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE attempts <> 1")).ShouldBe(0);
    }

    [Fact]
    public async Task One_trace_runs_from_the_transaction_through_the_outbox_into_the_consumer()
    {
        using var listener = Tracing.ListenToEverything();
        await using var host = await MessagingHost.StartAsync(servers);
        using var source = new ActivitySource("Program287g.Tests");

        Guid id;
        string traceId;
        using (var rpc = source.StartActivity("register something")!)
        {
            traceId = rpc.TraceId.ToString();
            id = (await host.ChangeThingAsync(_run, "traced")).MessageId;
        }

        await Eventually.ReturnsAsync(() => host.EffectsAsync([id]), e => e.Count == 1, Delivery);
        (await host.QueryAsync<string>("SELECT trace_id FROM effects WHERE message_id = @id", new { id })).ShouldBe(traceId);
    }

    [Fact]
    public async Task Outbox_depth_and_the_age_of_the_oldest_unsent_event_are_published_as_metrics()
    {
        await using var host = await MessagingHost.StartAsync(servers,
            settings: new Dictionary<string, string?> { ["Messaging:Outbox:DispatchEnabled"] = "false" });
        for (var i = 0; i < 3; i++)
        {
            await host.ChangeThingAsync(_run, $"waiting {i}");
        }

        var observed = new Dictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Program287g" && instrument.Name.StartsWith("program287g.outbox.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => observed[instrument.Name] = value);
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => observed[instrument.Name] = value);
        meters.Start();

        await Eventually.ReturnsAsync(() =>
        {
            meters.RecordObservableInstruments();
            return Task.FromResult(observed.GetValueOrDefault("program287g.outbox.depth"));
        }, depth => depth == 3, TimeSpan.FromSeconds(10));
        observed["program287g.outbox.oldest_unsent_age"].ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Sent_rows_are_pruned_once_past_retention()
    {
        await using var host = await MessagingHost.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            ["Messaging:Outbox:Retention"] = "00:00:01",
            ["Messaging:Outbox:PruneInterval"] = "00:00:00.500",
        });
        var thing = await host.ChangeThingAsync(_run, "short-lived");
        await Eventually.ReturnsAsync(() => host.EffectsAsync([thing.MessageId]), e => e.Count == 1, Delivery);

        await Eventually.ReturnsAsync(() => host.QueryAsync<long>("SELECT count(*) FROM outbox_messages"), rows => rows == 0, Delivery);
        (await host.QueryAsync<long>("SELECT count(*) FROM things")).ShouldBe(1);
    }

    [Fact]
    public void Retry_delays_double_from_the_first_and_stop_growing_at_the_maximum()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(10) };
        Enumerable.Range(1, 6).Select(options.RetryDelay).Select(d => d.TotalSeconds).ShouldBe([1, 2, 4, 8, 10, 10]);
        ErrorQueue.For("orders").ShouldBe("orders_error");
    }
}
