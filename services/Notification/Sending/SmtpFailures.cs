using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;

namespace Program287g.Notification.Sending;

/// <summary>What an SMTP failure means for the message: whether the server can have accepted it, and a description fit
/// to store and log. Servers quote addresses in their replies ("550 5.1.1 &lt;jo@example.gov&gt;: no such user"), so
/// anything that looks like one is blanked out.</summary>
public static partial class SmtpFailures
{
    private const int MaxLength = 500;

    /// <summary>True when the server cannot have accepted the message: the connection, greeting or login failed, or
    /// it answered a command (MAIL, RCPT, DATA or the end of the data) with an error. Anything else (a connection that
    /// broke or timed out mid-message) leaves the outcome unknown.</summary>
    public static bool CertainlyNotSent(Exception exception, bool connected) =>
        !connected || exception is SmtpCommandException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or SocketException;

    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode} ({command.ErrorCode}): {command.Message}",
            SocketException socket => $"{socket.SocketErrorCode}: the SMTP server could not be reached",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return Scrub(text);
    }

    /// <summary>Blanks out every address-like token and keeps the text short.</summary>
    public static string Scrub(string text)
    {
        var scrubbed = AddressLike().Replace(text, "[address]");
        return scrubbed.Length <= MaxLength ? scrubbed : scrubbed[..MaxLength];
    }

    [GeneratedRegex(@"[^\s<>()\[\]""',;:]+@[^\s<>()\[\]""',;:]+")]
    private static partial Regex AddressLike();
}
