using System.Diagnostics;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Program287g.Benchmarks.Contracts;
using Program287g.Messaging;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;
using Program287g.Testing;

namespace Program287g.Benchmarks;

public sealed record Throughput(string Name, int Messages, double PerSecond);

public sealed record Latency(double P50, double P99);

/// <summary>One service-like host with the real messaging stack (AddServiceMessaging: quorum queues, confirms,
/// the outbox dispatcher) and a consumer that timestamps arrivals.</summary>
public sealed class BenchHost(IHost host) : IAsyncDisposable
{
    private readonly Arrivals _arrivals = host.Services.GetRequiredService<Arrivals>();
    private readonly NpgsqlDataSource _database = host.Services.GetRequiredService<NpgsqlDataSource>();
    private readonly IBus _bus = host.Services.GetRequiredService<IBus>();

    public static async Task<BenchHost> StartAsync(TestInfrastructure servers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:benchdb"] = await servers.CreateDatabaseAsync("benchdb"),
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = servers.RabbitMqConnectionString,
            ["Messaging:Consumers:EndpointPrefix"] = $"bench{Environment.ProcessId}",
        });
        builder.AddServiceDatabase("benchdb", typeof(BenchHost).Assembly);
        builder.Services.AddSingleton<Arrivals>();
        builder.AddServiceMessaging(bus => bus.AddConsumer<BenchConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        // Ready means every health check passes, the bus's included: its receive endpoints have declared and bound
        // their queues. A message published before that would reach an exchange with no queue and be dropped.
        var health = host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        await Eventually.ReturnsAsync(async () => (await health.CheckHealthAsync()).Status,
            status => status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new BenchHost(host);
    }

    public async Task WarmUpAsync()
    {
        await ThroughputAsync("warm-up", 500, 8, PublishPlainAsync);
        await ThroughputAsync("warm-up", 500, 8, CommitThroughOutboxAsync);
    }

    public Task PublishPlainAsync(BenchMessage message) =>
        _bus.Publish(message, context => context.MessageId = message.MessageId);

    /// <summary>What a service does per state change: one transaction with a state row and an outbox row.</summary>
    public async Task CommitThroughOutboxAsync(BenchMessage message)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO bench_state (id) VALUES (@id)", new { id = message.MessageId }, transaction);
        await transaction.EnqueueAsync(message);
        await transaction.CommitAsync();
    }

    public async Task<Throughput> ThroughputAsync(string name, int count, int concurrency, Func<BenchMessage, Task> send)
    {
        var run = Guid.NewGuid();
        var arrived = _arrivals.For(run);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await send(NewMessage(run));
            }
        }));
        await Eventually.ReturnsAsync(() => Task.FromResult(arrived.Count), n => n >= count, TimeSpan.FromMinutes(5));
        var seconds = Stopwatch.GetElapsedTime(started, arrived.Values.Max()).TotalSeconds;
        return new Throughput(name, count, count / seconds);
    }

    /// <summary>Sends at a steady rate and measures from the moment the change was durable to its arrival: after the
    /// commit for the outbox (<paramref name="stampAfterSend"/>), at the call for a plain publish, which has no commit.</summary>
    public async Task<Latency> LatencyAsync(int perSecond, TimeSpan duration, Func<BenchMessage, Task> send, bool stampAfterSend)
    {
        var run = Guid.NewGuid();
        var arrived = _arrivals.For(run);
        var sentAt = new Dictionary<Guid, long>();
        var total = (int)(perSecond * duration.TotalSeconds);
        var pending = new List<Task>();
        // A timer, not a spin: on two cores a spinning pacer would take the CPU the measured path needs.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        for (var i = 0; i < total && await timer.WaitForNextTickAsync(); i++)
        {
            pending.Add(SendAndStampAsync(NewMessage(run)));
        }
        await Task.WhenAll(pending);
        await Eventually.ReturnsAsync(() => Task.FromResult(arrived.Count), n => n >= total, TimeSpan.FromMinutes(2));
        var latencies = sentAt.Select(pair => Stopwatch.GetElapsedTime(pair.Value, arrived[pair.Key]).TotalMilliseconds).Order().ToArray();
        return new Latency(latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)]);

        async Task SendAndStampAsync(BenchMessage message)
        {
            var before = Stopwatch.GetTimestamp();
            await send(message);
            var stamp = stampAfterSend ? Stopwatch.GetTimestamp() : before;
            lock (sentAt)
            {
                sentAt[message.MessageId] = stamp;
            }
        }
    }

    /// <summary>From the outbox's own timestamps: how long rows of the last run waited from insert to sent (which
    /// includes the broker's confirm), p50 and p99 in milliseconds.</summary>
    public async Task<Latency> OutboxDwellAsync(int lastRows)
    {
        await using var connection = await _database.OpenConnectionAsync();
        var dwell = (await connection.QueryAsync<double>("""
            SELECT EXTRACT(EPOCH FROM sent_at - created_at) * 1000 FROM outbox_messages
            WHERE sent_at IS NOT NULL ORDER BY id DESC LIMIT @lastRows
            """, new { lastRows })).Order().ToArray();
        return new Latency(dwell[dwell.Length / 2], dwell[(int)(dwell.Length * 0.99)]);
    }

    private static BenchMessage NewMessage(Guid run) => new() { MessageId = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Run = run };

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
