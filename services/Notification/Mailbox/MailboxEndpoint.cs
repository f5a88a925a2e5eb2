using MailKit.Security;

namespace Program287g.Notification.Mailbox;

/// <summary>The mailbox's connection string: imap://user:password@host:port/FOLDER (plain, for a server on this
/// machine) or imaps://… (TLS from the first byte; port 993 unless given). User and password are URL-escaped.</summary>
public sealed record MailboxEndpoint(string Host, int Port, SecureSocketOptions Security, string UserName, string Password,
    string Folder)
{
    public static MailboxEndpoint Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("imap" or "imaps"))
        {
            throw new FormatException("The mailbox connection string must be imap://user:password@host:port/FOLDER or imaps://….");
        }
        var credentials = uri.UserInfo.Split(':', 2);
        if (credentials.Length != 2 || credentials[0].Length == 0)
        {
            throw new FormatException("The mailbox connection string must name a user and a password (imap://user:password@host/…).");
        }
        var tls = uri.Scheme == "imaps";
        var folder = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new MailboxEndpoint(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 993 : 143) : uri.Port,
            tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None,
            Uri.UnescapeDataString(credentials[0]), Uri.UnescapeDataString(credentials[1]), folder.Length == 0 ? "INBOX" : folder);
    }
}
