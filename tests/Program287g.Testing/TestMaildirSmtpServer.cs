using MimeKit;
using Program287g.LocalServers;

namespace Program287g.Testing;

/// <summary>One message a <see cref="TestMaildirSmtpServer"/> accepted: its headers that matter to the books and the
/// moment its file was written (before the server answered 250). The Message-ID is as written, in angle brackets.</summary>
public sealed record MaildirMessage(string Subject, string MessageId, DateTimeOffset AcceptedAt);

/// <summary>aiosmtpd (Debian's python3-aiosmtpd, an RFC 5321 server) writing each message it accepts into a maildir:
/// a lean SMTP server, as a relay in production would be, that writes the message's file before it answers 250 and
/// keeps it across its own stop, kill and restart, unlike smtp4dev, which answers 250 before it saves the message and
/// can lose the last it acknowledged when it stops. The Notification service's delivery check can read the same maildir
/// (Notifications:DeliveryCheck:Maildir). Stopped and started again on the same port and maildir for outage drills.</summary>
public sealed class TestMaildirSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly ProcessSpec _spec;
    private readonly bool _ownsMaildir;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MaildirMessage> _read = new();
    private LocalProcess? _process;

    private TestMaildirSmtpServer(string maildir, int port, bool ownsMaildir)
    {
        Maildir = maildir;
        Port = port;
        _ownsMaildir = ownsMaildir;
        _spec = new ProcessSpec(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir],
            new Dictionary<string, string>(), maildir);
    }

    public string Maildir { get; }

    public int Port { get; }

    /// <summary>smtp://127.0.0.1:port, as the AppHost gives the Notification service.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    /// <summary>Starts one on a free port; its maildir is <paramref name="maildir"/> (kept on dispose) or a new temporary
    /// folder (deleted on dispose).</summary>
    public static async Task<TestMaildirSmtpServer> StartAsync(string? maildir = null)
    {
        var server = new TestMaildirSmtpServer(maildir ?? Path.Combine(Path.GetTempPath(), $"program287g-maildir-{Guid.NewGuid():N}"),
            FreePort.Next(), ownsMaildir: maildir is null);
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(server.Maildir, folder));
        }
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and maildir; done once it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is running: stop it first.");
        }
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install python3-aiosmtpd (./test.sh does).");
        }
        var process = _process = LocalProcess.Start(_spec);
        await Eventually.SucceedsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({process.Output}): install it with 'apt-get install python3-aiosmtpd' (./test.sh does).");
            }
            using var probe = new System.Net.Sockets.TcpClient();
            await probe.ConnectAsync("127.0.0.1", Port);
        }, TimeSpan.FromSeconds(30), () => process.Output);
    }

    /// <summary>SIGTERM: the server stops at once, dropping any conversation in progress; what it accepted stays.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    /// <summary>Every message in the maildir (new/ and cur/), headers only. A maildir file never changes under its name,
    /// so each is read once: the drills poll a mailbox of tens of thousands until their books square.</summary>
    public async Task<IReadOnlyList<MaildirMessage>> MessagesAsync()
    {
        var messages = new List<MaildirMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            foreach (var file in new DirectoryInfo(Path.Combine(Maildir, folder)).EnumerateFiles())
            {
                if (!_read.TryGetValue(file.FullName, out var message))
                {
                    await using var stream = file.OpenRead();
                    var headers = await HeaderList.LoadAsync(stream);
                    message = new MaildirMessage(headers[HeaderId.Subject] ?? "", headers[HeaderId.MessageId]?.Trim() ?? "",
                        new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
                    _read[file.FullName] = message;
                }
                messages.Add(message);
            }
        }
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsMaildir)
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }
}
