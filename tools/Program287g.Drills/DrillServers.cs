using Npgsql;
using Program287g.LocalServers;
using Program287g.Testing;

namespace Program287g.Drills;

/// <summary>Debian's PostgreSQL (crash-safe: fsync on), RabbitMQ with its private epmd, aiosmtpd delivering into a
/// maildir and Dovecot holding the program mailbox, each a process of this drill on fixed ports, so that any of them can be killed, stopped, paused and started
/// again on the same ports and data. The SMTP server is aiosmtpd rather than smtp4dev because the books need a server
/// that keeps what it answered 250 to: smtp4dev's SMTP library answers 250 before it hands the message on to be saved,
/// and it lost one such message across its stop in drill 6 (2026-12-01, twice in full runs).</summary>
public sealed class DrillServers : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"program287g-drill-{Guid.NewGuid():N}");
    private readonly NativePostgres _postgres;
    private readonly NativeRabbitMq _rabbit;
    private readonly ProcessSpec _postgresSpec;
    private readonly ProcessSpec _rabbitSpec;
    private LocalProcess? _postgresProcess;
    private LocalProcess? _epmd;
    private LocalProcess? _rabbitProcess;
    private TestMaildirSmtpServer? _smtp;
    private TestImapServer? _imap;

    public DrillServers()
    {
        // Under /tmp, mode 755: the postgres system user must reach its cluster folder.
        Directory.CreateDirectory(_root, (UnixFileMode)0b111_101_101);
        PostgresPort = FreePort.Next();
        _postgres = new NativePostgres(NativePostgres.FindBinDirectory()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh or ./run.sh once."), Path.Combine(_root, "postgres"));
        _postgresSpec = _postgres.Server(PostgresPort, durable: true);
        AmqpPort = FreePort.Next();
        EpmdPort = FreePort.Next();
        _rabbit = new NativeRabbitMq(Path.Combine(_root, "rabbitmq"), $"p287drill{Environment.ProcessId}");
        _rabbit.Prepare(AmqpPort);
        _rabbitSpec = _rabbit.Server(AmqpPort, FreePort.Next(), EpmdPort);
    }

    public int PostgresPort { get; }

    /// <summary>PostgreSQL's last lines, for a drill that finds it misbehaving.</summary>
    public string PostgresOutput => _postgresProcess?.Output ?? "";
    public int AmqpPort { get; }
    public int EpmdPort { get; }

    public string Database(string name) => _postgres.ConnectionString(PostgresPort, name);

    /// <summary>For the drill's own reads: no pool, so a connection left broken by a PostgreSQL crash is never reused.</summary>
    public string AuditDatabase(string name) => $"{Database(name)};Pooling=false";
    public string RabbitMq => _rabbit.ConnectionString(AmqpPort);
    public TestMaildirSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("The servers have not started.");

    /// <summary>The program mailbox: a native Dovecot of the drill's own, killed and started again on its port and maildir.</summary>
    public TestImapServer Imap => _imap ?? throw new InvalidOperationException("The servers have not started.");

    public async Task StartAsync(IEnumerable<string> databases)
    {
        await _postgres.EnsureInitializedAsync(CancellationToken.None);
        _epmd = LocalProcess.Start(_rabbit.Epmd(EpmdPort));
        await Task.WhenAll(StartPostgresAsync(), StartRabbitMqAsync(), StartFirstSmtpAsync(), StartFirstImapAsync());
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        foreach (var database in databases)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public async Task StartPostgresAsync()
    {
        _postgresProcess = LocalProcess.Start(_postgresSpec);
        var process = _postgresProcess;
        await Eventually.SucceedsAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(Database("postgres"));
            await connection.OpenAsync();
        }, TimeSpan.FromSeconds(60), () => process.Output);
    }

    /// <summary>pg_ctl stop -m immediate: every server process quits at once, without a checkpoint, as in a crash;
    /// the next start recovers from the write-ahead log.</summary>
    public async Task CrashPostgresAsync()
    {
        var (file, args) = PrivilegeDrop.As("postgres", Path.Combine(NativePostgres.FindBinDirectory()!, "pg_ctl"),
            ["stop", "-D", _postgres.ClusterDirectory, "-m", "immediate", "-w"]);
        await ProcessRunner.RunAsync(file, args, CancellationToken.None);
        await WaitForExitAsync(_postgresProcess);
        _postgresProcess = null;
    }

    public async Task StartRabbitMqAsync()
    {
        _rabbitProcess = LocalProcess.Start(_rabbitSpec);
        var process = _rabbitProcess;
        await Eventually.SucceedsAsync(async () =>
        {
            var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(RabbitMq) };
            await using var connection = await factory.CreateConnectionAsync();
        }, TimeSpan.FromSeconds(90), () => process.Output);
    }

    /// <summary>kill -9 of the broker: its start script and the Erlang VM under it.</summary>
    public async Task KillRabbitMqAsync()
    {
        KillTree(_rabbitProcess!.Id);
        await WaitForExitAsync(_rabbitProcess);
        _rabbitProcess = null;
    }

    /// <summary>SIGSTOP (or SIGCONT) to the Erlang VM: the broker holds every connection open and answers nothing.</summary>
    public void PauseRabbitMq(bool pause)
    {
        foreach (var pid in ProcessTree.WithDescendants(_rabbitProcess!.Id).Skip(1))
        {
            Signals.Send(pid, pause ? Signals.SigStop : Signals.SigCont);
        }
    }

    private async Task StartFirstSmtpAsync() => _smtp = await TestMaildirSmtpServer.StartAsync(Path.Combine(_root, "maildir"));

    private async Task StartFirstImapAsync() => _imap = await TestImapServer.StartNativeAsync();

    public static void KillTree(int pid)
    {
        foreach (var member in ProcessTree.WithDescendants(pid).Reverse())
        {
            Signals.Send(member, Signals.SigKill);
        }
    }

    private static async Task WaitForExitAsync(LocalProcess? process) =>
        await Eventually.ReturnsAsync(() => Task.FromResult(process is null || process.HasExited), exited => exited, TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        if (_rabbitProcess is not null)
        {
            PauseRabbitMq(pause: false);
        }
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
        if (_imap is not null)
        {
            await _imap.DisposeAsync();
        }
        foreach (var process in new[] { _rabbitProcess, _postgresProcess, _epmd })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
        Directory.Delete(_root, recursive: true);
    }
}
