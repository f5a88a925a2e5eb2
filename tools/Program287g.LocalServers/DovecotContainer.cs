namespace Program287g.LocalServers;

/// <summary>The program mailbox on a machine with a container engine: Dovecot's own image (2.4, rootless). Its default
/// configuration takes any user name with the password in USER_PASSWORD; the file below, added to its conf.d, allows
/// plain-text LOGIN (clients reach it through the port mapping, which Dovecot does not count as a secure connection)
/// and makes the Recorded folder as the native server does.</summary>
public static class DovecotContainer
{
    public const string Image = "dovecot/dovecot";
    public const string Tag = "2.4.2";

    /// <summary>The rootless image's IMAP port (31993 is IMAP over TLS with a self-signed certificate).</summary>
    public const int ImapPort = 31143;

    public const string PasswordVariable = "USER_PASSWORD";
    public const string MailVolumePath = "/srv/vmail";
    public const string ConfigDirectory = "/etc/dovecot/conf.d";
    public const string ConfigFileName = "program287g.conf";

    public static string Config { get; } = string.Join('\n',
        "auth_allow_cleartext = yes",
        "namespace inbox {",
        $"  mailbox {NativeDovecot.RecordedFolder} {{",
        "    auto = subscribe",
        "  }",
        "}",
        "");
}
