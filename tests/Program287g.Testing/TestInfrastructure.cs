using DotNet.Testcontainers.Containers;
using Npgsql;
using Program287g.LocalServers;
using RabbitMQ.Client;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace Program287g.Testing;

/// <summary>Real PostgreSQL and RabbitMQ for the service tests, started by the tests themselves on free ports:
/// Debian's servers as local processes here and in CI, containers where Docker answers and the native servers are
/// missing, or servers that already run (PROGRAM287G_TEST_POSTGRES, an admin connection string that may create
/// databases, and PROGRAM287G_TEST_RABBITMQ, an amqp URI). PROGRAM287G_TEST_INFRASTRUCTURE forces a mode.</summary>
public sealed class TestInfrastructure : IAsyncLifetime
{
    private readonly List<LocalProcess> _processes = [];
    private readonly List<IContainer> _containers = [];
    private string? _scratch;

    public InfrastructureMode Mode { get; private set; }

    public string PostgresAdminConnectionString { get; private set; } = "";

    public string RabbitMqConnectionString { get; private set; } = "";

    private ProcessSpec? _rabbitSpec;
    private LocalProcess? _rabbitProcess;
    private Task<TestSmtpServer>? _smtp;
    private readonly Lock _smtpGate = new();

    public async Task InitializeAsync()
    {
        var externalPostgres = Environment.GetEnvironmentVariable("PROGRAM287G_TEST_POSTGRES");
        var externalRabbit = Environment.GetEnvironmentVariable("PROGRAM287G_TEST_RABBITMQ");
        var configured = InfrastructureModeSelector.Parse(Environment.GetEnvironmentVariable("PROGRAM287G_TEST_INFRASTRUCTURE"));
        if (configured == InfrastructureMode.Auto)
        {
            // Servers that already run win; then native, which starts in seconds and pulls no images.
            configured = !string.IsNullOrEmpty(externalPostgres) && !string.IsNullOrEmpty(externalRabbit) ? InfrastructureMode.External
                : NativeInstalled() ? InfrastructureMode.Native
                : InfrastructureMode.Auto;
        }
        Mode = InfrastructureModeSelector.Resolve(configured,
            () => ContainerRuntimeProbe.IsHealthy(ContainerRuntimeProbe.RuntimeName(null), TimeSpan.FromSeconds(10)),
            NativeInstalled);

        switch (Mode)
        {
            case InfrastructureMode.Native:
                await Task.WhenAll(StartNativePostgresAsync(), StartNativeRabbitMqAsync());
                break;
            case InfrastructureMode.Containers:
                await Task.WhenAll(StartPostgresContainerAsync(), StartRabbitMqContainerAsync());
                break;
            case InfrastructureMode.External:
                PostgresAdminConnectionString = externalPostgres ?? throw new InvalidOperationException("PROGRAM287G_TEST_POSTGRES is not set.");
                RabbitMqConnectionString = externalRabbit ?? throw new InvalidOperationException("PROGRAM287G_TEST_RABBITMQ is not set.");
                break;
        }
    }

    /// <summary>The SMTP server the tests share, started on first use (only the tests of mail need one). Tests tell
    /// their messages apart by what they sent (a reference number, a recipient made for the test).</summary>
    public Task<TestSmtpServer> SmtpAsync()
    {
        lock (_smtpGate)
        {
            return _smtp ??= TestSmtpServer.StartAsync(Mode);
        }
    }

    /// <summary>An SMTP server of the test's own, which it may stop and start.</summary>
    public Task<TestSmtpServer> StartSmtpServerAsync() => TestSmtpServer.StartAsync(Mode);

    private static bool NativeInstalled() => NativePostgres.FindBinDirectory() is not null && NativeRabbitMq.IsInstalled();

    /// <summary>A new, empty database for one test class, so tests never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name }.ConnectionString;
    }

    private string Scratch()
    {
        if (_scratch is null)
        {
            // Under /tmp, not the test's bin folder: the postgres system user must be able to reach it.
            _scratch = Path.Combine(Path.GetTempPath(), $"program287g-tests-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_scratch);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_scratch, (UnixFileMode)0b111_101_101);
            }
        }
        return _scratch;
    }

    private async Task StartNativePostgresAsync()
    {
        var postgres = new NativePostgres(NativePostgres.FindBinDirectory()!, Path.Combine(Scratch(), "postgres"));
        await postgres.EnsureInitializedAsync(CancellationToken.None);
        var port = FreePort.Next();
        var process = Track(LocalProcess.Start(postgres.Server(port, durable: false)));
        PostgresAdminConnectionString = postgres.ConnectionString(port, "postgres");
        await Eventually.SucceedsAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            await connection.OpenAsync();
        }, TimeSpan.FromSeconds(30), () => process.Output);
    }

    private async Task StartNativeRabbitMqAsync()
    {
        var rabbit = new NativeRabbitMq(Path.Combine(Scratch(), "rabbitmq"), $"p287test{Environment.ProcessId}");
        var port = FreePort.Next();
        var epmdPort = FreePort.Next();
        rabbit.Prepare(port);
        Track(LocalProcess.Start(rabbit.Epmd(epmdPort)));
        _rabbitSpec = rabbit.Server(port, FreePort.Next(), epmdPort);
        RabbitMqConnectionString = rabbit.ConnectionString(port);
        await StartRabbitMqAsync();
    }

    /// <summary>Stops the broker as an operator would (SIGTERM); its queues and messages survive on disk.</summary>
    public async Task StopRabbitMqAsync()
    {
        var process = _rabbitProcess ?? throw new InvalidOperationException("Only a native broker can be stopped by a test.");
        await process.StopAsync(TimeSpan.FromSeconds(30));
        _rabbitProcess = null;
    }

    /// <summary>Starts the native broker (again) on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartRabbitMqAsync()
    {
        var spec = _rabbitSpec ?? throw new InvalidOperationException("Only a native broker can be started by a test.");
        var process = Track(LocalProcess.Start(spec));
        _rabbitProcess = process;
        await WaitForRabbitMqAsync(() => process.Output);
    }

    public async Task WaitForRabbitMqAsync(Func<string>? diagnostics = null) =>
        await Eventually.SucceedsAsync(async () =>
        {
            var factory = new ConnectionFactory { Uri = new Uri(RabbitMqConnectionString) };
            await using var connection = await factory.CreateConnectionAsync();
        }, TimeSpan.FromSeconds(60), diagnostics);

    private async Task StartPostgresContainerAsync()
    {
        var container = new PostgreSqlBuilder("postgres:17").Build();
        _containers.Add(container);
        await container.StartAsync();
        PostgresAdminConnectionString = container.GetConnectionString();
    }

    private async Task StartRabbitMqContainerAsync()
    {
        var container = new RabbitMqBuilder("rabbitmq:4").Build();
        _containers.Add(container);
        await container.StartAsync();
        RabbitMqConnectionString = container.GetConnectionString();
    }

    private LocalProcess Track(LocalProcess process)
    {
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    public async Task DisposeAsync()
    {
        if (_smtp is { IsCompletedSuccessfully: true } smtp)
        {
            await (await smtp).DisposeAsync();
        }
        // Servers before epmd: stop in the reverse order of start.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
        if (_scratch is not null && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
