using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MimeKit;
using Program287g.LocalServers;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>aiosmtpd (Debian's python3-aiosmtpd, an RFC 5321 server) writing each message it accepts into a maildir: a
/// lean SMTP server, as a relay in production would be, whose acceptance is not slowed by a searchable store. A message's
/// file is written before the server answers 250, so its modification time is the acceptance.</summary>
public sealed class MaildirSmtpServer : IAcknowledgmentMailbox
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _maildir;

    private MaildirSmtpServer(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        ConnectionString = $"smtp://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    public string Name => "aiosmtpd 1.4 (maildir)";

    public string ConnectionString { get; }

    public Uri? DeliveryCheckApi => null;

    public static async Task<MaildirSmtpServer> StartAsync()
    {
        var maildir = Path.Combine(Path.GetTempPath(), $"program287g-bench-maildir-{Guid.NewGuid():N}");
        foreach (var part in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, part));
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var server = new MaildirSmtpServer(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException(
                    $"aiosmtpd did not start ({error.Trim()}): install it with 'apt-get install python3-aiosmtpd' (./test.sh does).");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> AcceptedAsync()
    {
        var accepted = new Dictionary<string, List<DateTimeOffset>>();
        foreach (var file in new DirectoryInfo(Path.Combine(_maildir, "new")).EnumerateFiles())
        {
            await using var stream = file.OpenRead();
            var headers = await HeaderList.LoadAsync(stream);
            AcknowledgmentSubjects.Add(accepted, headers[HeaderId.Subject] ?? "", new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
        return accepted;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }
}
