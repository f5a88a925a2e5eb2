using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Program287g.LocalServers;

namespace Program287g.Testing;

/// <summary>One message of a mailbox folder as IMAP holds it: its UID, its flags and keywords, the moment the server
/// says it arrived (INTERNALDATE) and the message itself.</summary>
public sealed record ImapMessage(UniqueId Uid, MessageFlags Flags, IReadOnlySet<string> Keywords, DateTimeOffset InternalDate, MimeMessage Message);

/// <summary>The program mailbox for the tests: Debian's Dovecot as the AppHost runs it natively (NativeDovecot), on a
/// free port with a maildir of its own, or a server that already runs (PROGRAM287G_TEST_IMAP, a connection string
/// imap://user:password@host:port/INBOX). A native server can be killed (SIGKILL to every Dovecot process), stopped,
/// and started again on the same port and maildir: what it held is still there.</summary>
public sealed class TestImapServer : IAsyncDisposable
{
    public const string RecordedFolder = NativeDovecot.RecordedFolder;
    public const string ExternalVariable = "PROGRAM287G_TEST_IMAP";

    private readonly ImapConnectionString _server;
    private readonly NativeDovecot? _dovecot;
    private readonly string? _scratch;
    private LocalProcess? _process;

    private TestImapServer(ImapConnectionString server, NativeDovecot? dovecot, string? scratch)
    {
        _server = server;
        _dovecot = dovecot;
        _scratch = scratch;
    }

    /// <summary>imap://user:password@127.0.0.1:port/INBOX, as the AppHost gives the Notification service.</summary>
    public string ConnectionString => _server.ToString();

    public string UserName => _server.UserName;

    public string Password => _server.Password;

    public string Host => _server.Host;

    public int Port => _server.Port;

    /// <summary>The server named in PROGRAM287G_TEST_IMAP when set (shared: tell messages apart by what they hold), else
    /// a native one of the caller's own.</summary>
    public static async Task<TestImapServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ExternalVariable) is { Length: > 0 } external)
        {
            var server = Running(external);
            using var client = await server.ConnectAsync(); // fails here, naming the server, if it is not there
            return server;
        }
        return await StartNativeAsync();
    }

    /// <summary>A native Dovecot of the caller's own, empty, whatever PROGRAM287G_TEST_IMAP says: for tests that stop or
    /// kill it, or count on an empty mailbox.</summary>
    public static async Task<TestImapServer> StartNativeAsync()
    {
        if (!NativeDovecot.IsInstalled())
        {
            throw new InvalidOperationException(
                $"{NativeDovecot.Binary} is missing: install dovecot-imapd (./test.sh does), or name a running server in {ExternalVariable}.");
        }
        // Under /tmp, not the test's bin folder: the dovecot system user must be able to reach it.
        var scratch = Path.Combine(Path.GetTempPath(), $"program287g-imap-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(scratch, (UnixFileMode)0b111_101_101);
        }
        var dovecot = new NativeDovecot(scratch);
        var native = new TestImapServer(new ImapConnectionString("127.0.0.1", FreePort.Next(), NativeDovecot.UserName, dovecot.Password),
            dovecot, scratch);
        try
        {
            await native.StartAgainAsync();
            return native;
        }
        catch
        {
            await native.DisposeAsync(); // no Dovecot or scratch folder outlives a failed start
            throw;
        }
    }

    /// <summary>A server that already runs (the AppHost's, or PROGRAM287G_TEST_IMAP's): read and written, never stopped.</summary>
    public static TestImapServer Running(string connectionString) => new(ImapConnectionString.Parse(connectionString), null, null);

    /// <summary>Starts the native server (again) on its port and maildir; done once it accepts the user's LOGIN.</summary>
    public async Task StartAgainAsync()
    {
        var dovecot = _dovecot ?? throw new InvalidOperationException("Only a native Dovecot can be started by a test.");
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is running: stop or kill it first.");
        }
        await dovecot.PrepareAsync(Port, CancellationToken.None);
        var process = _process = LocalProcess.Start(dovecot.Server());
        await Eventually.SucceedsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Dovecot exited: {process.Output}");
            }
            await ImapProbe.LoginAsync(_server, CancellationToken.None);
        }, TimeSpan.FromSeconds(30), () => process.Output);
    }

    /// <summary>SIGTERM to Dovecot's master, which ends its children and closes the port.</summary>
    public async Task StopAsync()
    {
        var process = TakeProcess();
        await process.DisposeAsync();
    }

    /// <summary>SIGKILL to every process of the server at once (the master, its login, auth and imap children), as a
    /// crash or an OOM kill would leave it: nothing is shut down cleanly.</summary>
    public async Task KillAsync()
    {
        var process = TakeProcess();
        // Stopped first, so that it forks no child between the listing and the kill.
        Signals.Send(process.Id, Signals.SigStop);
        foreach (var pid in ProcessTree.Descendants(process.Id).Prepend(process.Id))
        {
            Signals.Send(pid, Signals.SigKill);
        }
        await process.DisposeAsync();
    }

    /// <summary>Appends a message to a folder (APPEND), as a mail server delivering to the mailbox would; the UID it got.</summary>
    public Task<UniqueId> AppendAsync(MimeMessage message, DateTimeOffset? internalDate = null, string folder = "INBOX") =>
        WithClientAsync(async client =>
        {
            var target = await client.GetFolderAsync(folder);
            return await target.AppendAsync(new AppendRequest(message) { InternalDate = internalDate })
                ?? throw new InvalidOperationException("The server named no UID for the message (no UIDPLUS).");
        });

    public Task<int> CountAsync(string folder = "INBOX") =>
        WithClientAsync(async client =>
        {
            var target = await client.GetFolderAsync(folder);
            await target.StatusAsync(StatusItems.Count);
            return target.Count;
        });

    /// <summary>Every message of a folder in UID order, read without marking it \Seen.</summary>
    public Task<IReadOnlyList<ImapMessage>> MessagesAsync(string folder = "INBOX") =>
        WithClientAsync<IReadOnlyList<ImapMessage>>(async client =>
        {
            var target = await client.GetFolderAsync(folder);
            await target.OpenAsync(FolderAccess.ReadOnly);
            var messages = new List<ImapMessage>();
            if (target.Count == 0)
            {
                return messages;
            }
            var summaries = await target.FetchAsync(0, -1,
                MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate);
            foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                messages.Add(new ImapMessage(summary.UniqueId, summary.Flags ?? MessageFlags.None, summary.Keywords.ToHashSet(),
                    summary.InternalDate ?? DateTimeOffset.MinValue, await target.GetMessageAsync(summary.UniqueId)));
            }
            return messages;
        });

    /// <summary>A MailKit client logged in as the mailbox's user, for what the helpers above do not cover (IDLE, LIST).</summary>
    public async Task<ImapClient> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(Host, Port, _server.UseTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None, cancellationToken);
            await client.AuthenticateAsync(UserName, Password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<T> WithClientAsync<T>(Func<ImapClient, Task<T>> action)
    {
        using var client = await ConnectAsync();
        var result = await action(client);
        await client.DisconnectAsync(quit: true);
        return result;
    }

    private LocalProcess TakeProcess()
    {
        if (_dovecot is null)
        {
            throw new InvalidOperationException("Only a native Dovecot can be stopped or killed by a test.");
        }
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        _process = null;
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync();
        }
        if (_scratch is not null && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
