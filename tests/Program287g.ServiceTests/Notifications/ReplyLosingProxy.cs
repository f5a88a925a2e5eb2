using System.Net;
using System.Net.Sockets;
using Program287g.LocalServers;

namespace Program287g.ServiceTests.Notifications;

/// <summary>A loopback TCP proxy in front of the SMTP server that, once armed, lets the end of the next message's data
/// through and drops the server's answer to it, closing the client's connection instead: the server has accepted the
/// message and the sender never hears so. Real sockets; no SMTP is faked.</summary>
public sealed class ReplyLosingProxy : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
    private readonly TcpListener _listener;
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _armed;

    public ReplyLosingProxy(string smtpConnectionString)
    {
        _target = new Uri(smtpConnectionString);
        _listener = new TcpListener(IPAddress.Loopback, FreePort.Next());
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string ConnectionString => $"smtp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The next message's end of data reaches the server; the server's answer to it does not reach the client.</summary>
    public void LoseNextReply() => _armed = true;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(_target.Host, _target.Port);
            var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var toServer = PumpAsync(client.GetStream(), server.GetStream(), watch: true, cut);
            var toClient = PumpAsync(server.GetStream(), client.GetStream(), watch: false, cut);
            await Task.WhenAny(toServer, toClient);
        }
    }

    /// <summary>Copies one direction. Client to server: notes when an armed message's data ends. Server to client:
    /// the first answer after that is swallowed and the connection closed.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool watch, TaskCompletionSource cut)
    {
        var buffer = new byte[16 * 1024];
        var tail = new List<byte>();
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                if (!watch && cut.Task.IsCompleted)
                {
                    return; // the server's answer to the data: dropped, and the client's connection closed with it
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                if (watch && _armed)
                {
                    tail.AddRange(buffer.Take(read));
                    if (tail.Count > EndOfData.Length)
                    {
                        tail.RemoveRange(0, tail.Count - EndOfData.Length);
                    }
                    if (tail.SequenceEqual(EndOfData))
                    {
                        _armed = false;
                        cut.TrySetResult();
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed: the relay ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
