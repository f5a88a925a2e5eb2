using System.Globalization;

namespace Program287g.LocalServers;

/// <summary>The mailbox's connection string, as the AppHost hands it to the services: imap://user:password@host:port/FOLDER
/// (imaps:// for IMAP over TLS), the user, password and folder URL-escaped; a missing port means 143 (993 for imaps), a
/// missing folder INBOX.</summary>
public sealed record ImapConnectionString(string Host, int Port, string UserName, string Password, bool UseTls = false, string Folder = "INBOX")
{
    public static ImapConnectionString Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("imap" or "imaps"))
        {
            throw new FormatException("An IMAP connection string is imap://user:password@host:port/FOLDER or imaps://...");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo.Length != 2 || userInfo[0].Length == 0)
        {
            throw new FormatException($"The IMAP connection string for {uri.Host} names no user and password.");
        }
        var useTls = uri.Scheme == "imaps";
        var folder = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new ImapConnectionString(uri.Host, uri.Port > 0 ? uri.Port : useTls ? 993 : 143,
            Uri.UnescapeDataString(userInfo[0]), Uri.UnescapeDataString(userInfo[1]), useTls, folder.Length > 0 ? folder : "INBOX");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(UseTls ? "imaps" : "imap")}://{Uri.EscapeDataString(UserName)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{Uri.EscapeDataString(Folder)}");
}
