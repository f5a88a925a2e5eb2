using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Program287g.Messaging;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;
using Program287g.ServiceTests.Messaging.Contracts;
using Program287g.Testing;

namespace Program287g.ServiceTests.Messaging;

/// <summary>A minimal service for the messaging tests: its own database (the messaging tables plus the tests'
/// things/effects), the shared outbox dispatcher and the bus with the test consumers, on the real servers.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    public const string Database = "messagingdb";
    private readonly IHost _host;

    private MessagingHost(IHost host, string connectionString, string endpointPrefix)
    {
        _host = host;
        ConnectionString = connectionString;
        EndpointPrefix = endpointPrefix;
    }

    public string ConnectionString { get; }

    public string EndpointPrefix { get; }

    public IServiceProvider Services => _host.Services;

    public NpgsqlDataSource DataSource => _host.Services.GetRequiredService<NpgsqlDataSource>();

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public PoisonSwitch Poison => _host.Services.GetRequiredService<PoisonSwitch>();

    public ConsumeLog ConsumeLog => _host.Services.GetRequiredService<ConsumeLog>();

    /// <summary>The queue PoisonConsumer reads, named as MassTransit names it.</summary>
    public string PoisonQueue => $"{EndpointPrefix}-poison";

    public static async Task<MessagingHost> StartAsync(TestInfrastructure servers, string? connectionString = null,
        string? endpointPrefix = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        connectionString ??= await servers.CreateDatabaseAsync(Database);
        endpointPrefix ??= $"t{Guid.NewGuid():N}"[..12];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database}"] = connectionString,
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = servers.RabbitMqConnectionString,
            ["Messaging:Consumers:EndpointPrefix"] = endpointPrefix,
            ["Messaging:Consumers:RetryLimit"] = "2",
            ["Messaging:Consumers:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:Consumers:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Messaging:Outbox:FirstRetryDelay"] = "00:00:00.200",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
            ["Messaging:Outbox:MetricsInterval"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDatabase(Database, typeof(MessagingHost).Assembly);
        builder.Services.AddSingleton<PoisonSwitch>();
        builder.Services.AddSingleton<ConsumeLog>();
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<ThingConsumer>();
            bus.AddConsumer<DeliveryCounter>();
            bus.AddConsumer<PoisonConsumer>();
        });
        var host = builder.Build();
        await host.StartAsync();
        var started = new MessagingHost(host, connectionString, endpointPrefix);
        // Ready means every health check passes, the bus's included: its receive endpoints have declared and bound
        // their queues. A message published before that would reach an exchange with no queue and be dropped.
        var health = host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        await Eventually.ReturnsAsync(async () => (await health.CheckHealthAsync()).Status,
            status => status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return started;
    }

    /// <summary>A state change and the event it raises, in one transaction; <paramref name="failAfterWrite"/>
    /// throws after both are written, before the commit.</summary>
    public async Task<ThingHappened> ChangeThingAsync(string run, string name, bool failAfterWrite = false)
    {
        var thing = new ThingHappened { MessageId = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow, Thing = name, Run = run };
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO things (id, name) VALUES (@id, @name)", new { id = thing.MessageId, name }, transaction);
        await transaction.EnqueueAsync(thing);
        if (failAfterWrite)
        {
            throw new InvalidOperationException("Failure after the state write.");
        }
        await transaction.CommitAsync();
        return thing;
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    /// <summary>How many effects each of the given messages had.</summary>
    public async Task<Dictionary<Guid, int>> EffectsAsync(IEnumerable<Guid> messageIds)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var counts = (await connection.QueryAsync<(Guid Id, long Count)>(
            "SELECT message_id, count(*) FROM effects WHERE message_id = ANY(@ids) GROUP BY message_id",
            new { ids = messageIds.ToArray() })).ToDictionary(r => r.Id, r => (int)r.Count);
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
