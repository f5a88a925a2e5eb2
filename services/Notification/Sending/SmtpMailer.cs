using MailKit.Net.Smtp;
using MimeKit;

namespace Program287g.Notification.Sending;

/// <summary>Why an attempt failed, and whether the server can have accepted the message all the same.</summary>
public sealed class MailFailureException(bool certainlyNotSent, string description, Exception inner) : Exception(description, inner)
{
    public bool CertainlyNotSent => certainlyNotSent;
}

/// <summary>MailKit's SMTP client for one sender loop. The connection is kept while there is work (a new SMTP session
/// costs a connection, a greeting and EHLO) and closed by the loop when it finds none. A connection that sat idle is
/// checked with NOOP before a message goes on it, so that one the server dropped meanwhile fails before the message
/// starts (certainly not sent) rather than in the middle of it (in doubt). After <paramref name="messagesPerConnection"/>
/// messages the connection is closed politely and the next message opens another.</summary>
public sealed class SmtpMailer(SmtpEndpoint endpoint, TimeProvider clock, int messagesPerConnection) : IAsyncDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private SmtpClient? _client;
    private long _lastUsed;
    private int _sentOnConnection;

    /// <summary>Returns once the server has answered the end of the data with 250. Throws a <see cref="MailFailureException"/>
    /// saying whether the message can have been accepted; an OperationCanceledException of the caller's token passes.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await ProbeIfIdleAsync(cancellationToken);
        var connected = _client is { IsConnected: true };
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            connected = true;
            await client.SendAsync(message, cancellationToken);
            _lastUsed = clock.GetTimestamp();
        }
        catch (Exception exception)
        {
            // A conversation that failed part-way is not continued: the next message starts on a new connection.
            await CloseAsync(quit: false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            throw new MailFailureException(SmtpFailures.CertainlyNotSent(exception, connected), SmtpFailures.Describe(exception), exception);
        }
        if (++_sentOnConnection >= messagesPerConnection)
        {
            await CloseAsync(); // after the 250: the message is sent whatever the QUIT does
        }
    }

    /// <summary>Ends the batch's connection, politely (QUIT) after a batch; a failure here changes nothing already sent.</summary>
    public async Task CloseAsync(bool quit = true)
    {
        if (_client is not { } client)
        {
            return;
        }
        _client = null;
        _sentOnConnection = 0;
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or MailKit.ProtocolException
            or System.Net.Sockets.SocketException)
        {
            // The connection is going anyway.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task ProbeIfIdleAsync(CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true } client || clock.GetElapsedTime(_lastUsed) < Idle)
        {
            return;
        }
        try
        {
            await client.NoOpAsync(cancellationToken);
            _lastUsed = clock.GetTimestamp();
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException
            or MailKit.ServiceNotConnectedException or System.Net.Sockets.SocketException)
        {
            await CloseAsync(quit: false);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }
        var client = new SmtpClient();
        _client = client;
        await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, cancellationToken);
        if (endpoint.Credentials is { } credentials)
        {
            await client.AuthenticateAsync(credentials, cancellationToken);
        }
        return client;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
