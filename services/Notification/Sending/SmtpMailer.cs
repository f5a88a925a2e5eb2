using MailKit.Net.Smtp;
using MimeKit;

namespace Program287g.Notification.Sending;

/// <summary>Why an attempt failed, and whether the server can have accepted the message all the same.</summary>
public sealed class MailFailureException(bool certainlyNotSent, string description, Exception inner) : Exception(description, inner)
{
    public bool CertainlyNotSent => certainlyNotSent;
}

/// <summary>MailKit's SMTP client for one sender loop: connected on the first message of a batch and closed after the
/// batch, so a connection never sits idle long enough for the server to drop it between messages.</summary>
public sealed class SmtpMailer(SmtpEndpoint endpoint) : IAsyncDisposable
{
    private SmtpClient? _client;

    /// <summary>Returns once the server has answered the end of the data with 250. Throws a <see cref="MailFailureException"/>
    /// saying whether the message can have been accepted; an OperationCanceledException of the caller's token passes.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var connected = _client is { IsConnected: true };
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            connected = true;
            await client.SendAsync(message, cancellationToken);
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
    }

    /// <summary>Ends the batch's connection, politely (QUIT) after a batch; a failure here changes nothing already sent.</summary>
    public async Task CloseAsync(bool quit = true)
    {
        if (_client is not { } client)
        {
            return;
        }
        _client = null;
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
