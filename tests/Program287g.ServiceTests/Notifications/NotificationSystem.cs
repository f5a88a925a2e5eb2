extern alias AgencyService;
extern alias NotificationService;

using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Program287g.Contracts;
using Program287g.Notification.V1;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using NotificationServiceMarker = NotificationService::Program287g.Notification.NotificationServiceMarker;
using SendCheckpoint = NotificationService::Program287g.Notification.Sending.SendCheckpoint;

namespace Program287g.ServiceTests.Notifications;

/// <summary>How a test wants its Notification service: the clock it moves, the SMTP server (the shared one unless it
/// brings its own), whether the delivery check asks smtp4dev, and, for a restart, the database to start on.</summary>
public sealed record NotificationHostOptions
{
    public FakeTimeProvider? Clock { get; init; }
    public TestSmtpServer? Smtp { get; init; }
    public bool DeliveryCheck { get; init; } = true;
    public string? Database { get; init; }
    public SendCheckpoint? Checkpoint { get; init; }
    public bool WithAgencyService { get; init; }
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>The Notification service on a fresh database of its own, on the real PostgreSQL, RabbitMQ and smtp4dev
/// of the test run; with the Agency service beside it when inquiries about agencies are tested. Events reach it as
/// they would from the other services: published on the bus.</summary>
public sealed class NotificationSystem : IAsyncDisposable
{
    private readonly TestInfrastructure _servers;
    private readonly NotificationHostOptions _options;
    private readonly EventPublisher _publisher;

    /// <summary>The service's queue names: a restarted or second instance consumes from the same queues, as instances
    /// of one service do; hosts of other test classes have their own.</summary>
    private readonly string _endpointPrefix;

    private NotificationSystem(TestInfrastructure servers, NotificationHostOptions options, EventPublisher publisher,
        string endpointPrefix, TestTokens tokens, TestSmtpServer smtp, ServiceFactory<AgencyServiceMarker>? agency,
        ServiceFactory<NotificationServiceMarker> host)
    {
        _servers = servers;
        _options = options;
        _publisher = publisher;
        _endpointPrefix = endpointPrefix;
        Database = DatabaseOf(host);
        Tokens = tokens;
        Smtp = smtp;
        AgencyHost = agency;
        Host = host;
    }

    public TestTokens Tokens { get; }
    public TestSmtpServer Smtp { get; }
    public ServiceFactory<AgencyServiceMarker>? AgencyHost { get; }
    public ServiceFactory<NotificationServiceMarker> Host { get; private set; }

    /// <summary>What the running host's consumers have finished.</summary>
    public ConsumedLog Consumed => Host.Services.GetRequiredService<ConsumedLog>();

    /// <summary>The service's own database, to read what it recorded beyond its API (attempts in doubt); it outlives
    /// the host, which a test may stop.</summary>
    public string Database { get; private set; } = "";

    public static async Task<NotificationSystem> StartAsync(TestInfrastructure servers, NotificationHostOptions? options = null)
    {
        options ??= new NotificationHostOptions();
        var tokens = new TestTokens();
        var smtp = options.Smtp ?? await servers.SmtpAsync();
        var agency = options.WithAgencyService ? await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, tokens) : null;
        var prefix = $"notification-{Guid.NewGuid():N}";
        var host = await StartHostAsync(servers, options, prefix, tokens, smtp, agency, options.Database);
        return new NotificationSystem(servers, options, await EventPublisher.StartAsync(servers.RabbitMqConnectionString), prefix,
            tokens, smtp, agency, host);
    }

    /// <summary>Stops the service as an orchestrator does (the host's shutdown: its hosted services are cancelled).</summary>
    public async Task StopAsync() => await Host.DisposeAsync();

    /// <summary>Starts it again on the same database and queues after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync(NotificationHostOptions? options = null) =>
        Host = await StartHostAsync(_servers, options ?? _options, _endpointPrefix, Tokens, Smtp, AgencyHost, Database);

    /// <summary>A second instance of the service, on the same database and queues: the two compete for the work.</summary>
    public Task<ServiceFactory<NotificationServiceMarker>> StartAnotherInstanceAsync() =>
        StartHostAsync(_servers, _options, _endpointPrefix, Tokens, Smtp, AgencyHost, Database);

    public Program287g.Notification.V1.NotificationService.NotificationServiceClient Client(string? token = null) => new(Host.Channel(token ?? Tokens.Staff()));

    public Program287g.Agency.V1.AgencyService.AgencyServiceClient Agencies() =>
        new((AgencyHost ?? throw new InvalidOperationException("Started without the Agency service.")).Channel(Tokens.Staff()));

    /// <summary>Publishes an event as the other services' outboxes do: under its own message id.</summary>
    public Task PublishAsync<TEvent>(TEvent message) where TEvent : IntegrationEvent => _publisher.PublishAsync(message);

    /// <summary>Waits until the service's consumers have finished <paramref name="deliveries"/> deliveries of the message.</summary>
    public Task ConsumedAsync(Guid messageId, int deliveries = 1) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Consumed.Finished(messageId)), finished => finished >= deliveries, TimeSpan.FromSeconds(30));

    /// <summary>Waits until the SMTP server holds <paramref name="count"/> messages that mention <paramref name="search"/>
    /// (a reference number), and returns them whole. A notification recorded as sent does not mean smtp4dev lists the
    /// message yet (it answers 250 before it stores it): a test counting a sent notification's emails counts these.</summary>
    public async Task<IReadOnlyList<Mail>> MailAsync(string search, int count = 1, TimeSpan? timeout = null)
    {
        var found = await Eventually.ReturnsAsync(() => Smtp.MessagesAsync(search), messages => messages.Count >= count,
            timeout ?? TimeSpan.FromSeconds(30));
        return await Task.WhenAll(found.Select(m => Smtp.ReadAsync(m.Id)));
    }

    /// <summary>The notification recorded for an event or inquiry, once the service has recorded it.</summary>
    public async Task<Program287g.Notification.V1.Notification> NotificationAsync(Func<Program287g.Notification.V1.Notification, bool> match,
        Func<Program287g.Notification.V1.Notification, bool>? until = null, TimeSpan? timeout = null) =>
        (await Eventually.ReturnsAsync(async () =>
                (await Client().ListNotificationsAsync(new ListNotificationsRequest { PageSize = 500 })).Notifications.FirstOrDefault(match),
            found => found is not null && (until?.Invoke(found) ?? true), timeout ?? TimeSpan.FromSeconds(30)))!;

    /// <summary>The notification once its <paramref name="attempts"/>th attempt has an outcome on record. The API's
    /// attempt count rises when an attempt starts (it is committed before the SMTP conversation), and while the attempt
    /// runs its next_attempt_at is the attempt's lease: only a settled attempt shows the backoff it chose.</summary>
    public async Task<Program287g.Notification.V1.Notification> AttemptSettledAsync(string referenceNumber, int attempts)
    {
        await Eventually.ReturnsAsync(() => QueryAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM notifications
                               WHERE reference_number = @referenceNumber AND attempts = @attempts AND attempt_started_at IS NULL)
                """, new { referenceNumber, attempts }),
            settled => settled, TimeSpan.FromSeconds(30));
        return await NotificationAsync(n => n.ReferenceNumber == referenceNumber);
    }

    /// <summary>One value from the service's database.</summary>
    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Database);
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    private static string DatabaseOf(ServiceFactory<NotificationServiceMarker> host) =>
        host.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.NotificationDatabase)!;

    private static async Task<ServiceFactory<NotificationServiceMarker>> StartHostAsync(TestInfrastructure servers,
        NotificationHostOptions options, string endpointPrefix, TestTokens tokens, TestSmtpServer smtp,
        ServiceFactory<AgencyServiceMarker>? agency, string? database)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Smtp}"] = smtp.ConnectionString,
            ["Messaging:Consumers:EndpointPrefix"] = endpointPrefix,
            ["Notifications:Sending:PollInterval"] = "00:00:00.200",
            ["Notifications:Sending:MetricsInterval"] = "00:00:00.200",
            ["Notifications:DeliveryCheck:Smtp4devUrl"] = options.DeliveryCheck ? smtp.ApiAddress.ToString() : null,
        };
        if (database is not null)
        {
            settings[$"ConnectionStrings:{ResourceNames.NotificationDatabase}"] = database;
        }
        if (agency is not null)
        {
            settings[$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = agency.Address.ToString();
        }
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }
        return await servers.StartServiceAsync<NotificationServiceMarker>(ResourceNames.NotificationDatabase, tokens, settings,
            configureServices: services =>
            {
                if (options.Clock is { } clock)
                {
                    // The tokens it presents to the Agency service stay on the wall clock (GrpcClientDefaults).
                    services.AddSingleton<TimeProvider>(clock);
                }
                services.AddSingleton<ConsumedLog>();
                services.AddConsumeObserver(provider => provider.GetRequiredService<ConsumedLog>());
                if (options.Checkpoint is { } checkpoint)
                {
                    services.AddSingleton(checkpoint);
                }
                options.Services?.Invoke(services);
            });
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await Host.DisposeAsync();
        if (AgencyHost is not null)
        {
            await AgencyHost.DisposeAsync();
        }
    }
}
