using System.Net;
using MailKit.Security;

namespace Program287g.Notification.Sending;

/// <summary>The SMTP server from the connection string the AppHost names "smtp": smtp://host:port (plain, as smtp4dev
/// listens), smtps://host:port (TLS from the start), with optional user:password@ for servers that ask for it.</summary>
public sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, NetworkCredential? Credentials)
{
    public static SmtpEndpoint Parse(string? connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.Smtp} must be smtp://host:port or smtps://host:port: run through the AppHost or set it.");
        }
        var security = uri.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
        NetworkCredential? credentials = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        return new SmtpEndpoint(uri.Host, port, security, credentials);
    }
}
