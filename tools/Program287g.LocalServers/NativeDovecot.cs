using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Program287g.LocalServers;

/// <summary>The program mailbox as one local Dovecot from Debian's dovecot-imapd, every file of it inside
/// <paramref name="rootDirectory"/>: a generated configuration (nothing under /etc/dovecot is read or changed), one user
/// whose password is kept beside the mail, a maildir, and the server's own sockets and state. It runs in the foreground,
/// so whoever started it (the Aspire orchestrator or a test) also stops it, and rootless: as root, every process of it
/// runs as Debian's dovecot user, else as the user who started it. Plain-text LOGIN on 127.0.0.1 only, no TLS.</summary>
public sealed class NativeDovecot(string rootDirectory)
{
    public const string UserName = "program287g";
    public const string RecordedFolder = "Recorded";
    public const string Binary = "/usr/sbin/dovecot";
    private const string SystemUser = "dovecot";

    /// <summary>A unix socket's path is at most 107 bytes, and Dovecot's longest below its base folder
    /// ("replication-notify-fifo") takes 24 of them.</summary>
    private const int LongestRunDirectory = 80;

    public string PasswordFile => Path.Combine(rootDirectory, "password");

    public string Password => LocalSecret.ReadOrCreate(PasswordFile);

    public string ConfigFile => Path.Combine(rootDirectory, "dovecot.conf");

    /// <summary>The user's maildir (Dovecot's maildir++: INBOX at its top, Recorded in .Recorded).</summary>
    public string Maildir => Path.Combine(rootDirectory, "mail", UserName, "Maildir");

    private string UsersFile => Path.Combine(rootDirectory, "users");

    private string StateDirectory => Path.Combine(rootDirectory, "state");

    /// <summary>Sockets and master.pid: in the root folder, unless its path is too long for a unix socket.</summary>
    internal string RunDirectory
    {
        get
        {
            var inRoot = Path.Combine(Path.GetFullPath(rootDirectory), "run");
            if (inRoot.Length <= LongestRunDirectory)
            {
                return inRoot;
            }
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inRoot)))[..12];
            return Path.Combine(Path.GetTempPath(), $"program287g-dovecot-{key}");
        }
    }

    public static bool IsInstalled() => File.Exists(Binary);

    /// <summary>Writes the configuration and the password file and makes the folders, owned by the user the server runs
    /// as; idempotent, so it runs before every start. The password file holds a salted hash of the current password,
    /// written afresh each time, so the server always accepts the current password over old mail.</summary>
    public async Task PrepareAsync(int port, CancellationToken cancellationToken)
    {
        var user = PrivilegeDrop.IsRoot ? SystemUser : Environment.UserName;
        var group = (await ProcessRunner.RunAsync("id", ["-gn", user], cancellationToken)).Trim();
        Directory.CreateDirectory(rootDirectory);
        var password = Password;
        await MakeDirectoryAsync(Path.Combine(rootDirectory, "mail"), "700", user, group, cancellationToken);
        await MakeDirectoryAsync(StateDirectory, "700", user, group, cancellationToken);
        await MakeDirectoryAsync(RunDirectory, "755", user, group, cancellationToken);
        RemoveStalePidFile();

        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var users = new StreamWriter(UsersFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), owner))
        {
            await users.WriteAsync($"{UserName}:{HashPassword(password, RandomNumberGenerator.GetBytes(8))}\n");
        }
        if (PrivilegeDrop.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", [$"{user}:{group}", UsersFile], cancellationToken);
        }
        await File.WriteAllTextAsync(ConfigFile, Config(port, user, group), cancellationToken);
    }

    /// <summary>Dovecot's master in the foreground; it forks the login, auth and imap processes itself. SIGTERM stops
    /// them all.</summary>
    public ProcessSpec Server()
    {
        var (file, args) = PrivilegeDrop.As(SystemUser, Binary, ["-F", "-c", ConfigFile]);
        return new ProcessSpec(file, args, new Dictionary<string, string>(), rootDirectory);
    }

    public string ConnectionString(int port) => new ImapConnectionString("127.0.0.1", port, UserName, Password).ToString();

    internal string Config(int port, string user, string group) => string.Join('\n',
        "# Written by Program287g.LocalServers.NativeDovecot before every start: edits here are lost.",
        "instance_name = program287g-mailbox",
        "protocols = imap",
        "listen = 127.0.0.1",
        $"base_dir = {RunDirectory}",
        $"state_dir = {StateDirectory}",
        // Rootless: every process runs as the user that started the master; nothing is chrooted or switches user.
        $"default_internal_user = {user}",
        $"default_internal_group = {group}",
        $"default_login_user = {user}",
        "first_valid_uid = 1",
        "first_valid_gid = 1",
        "log_path = /dev/stderr",
        // Loopback only: plain-text LOGIN and AUTHENTICATE PLAIN without TLS, as curl and the services speak it locally.
        "ssl = no",
        "disable_plaintext_auth = no",
        "auth_mechanisms = plain login",
        "passdb {",
        "  driver = passwd-file",
        $"  args = scheme=SSHA512 {UsersFile}",
        "}",
        "userdb {",
        "  driver = static",
        $"  args = home={Path.Combine(rootDirectory, "mail")}/%u",
        "}",
        "mail_location = maildir:~/Maildir",
        // IDLE: inotify wakes an idling client at once; this poll is the fallback where inotify is unavailable.
        "mailbox_idle_check_interval = 1 secs",
        "namespace inbox {",
        "  inbox = yes",
        "  separator = /",
        $"  mailbox {RecordedFolder} {{",
        "    auto = subscribe",
        "  }",
        "}",
        "service imap-login {",
        "  chroot =",
        "  inet_listener imap {",
        "    address = 127.0.0.1",
        $"    port = {port.ToString(CultureInfo.InvariantCulture)}",
        "  }",
        "  inet_listener imaps {",
        "    port = 0",
        "  }",
        "}",
        "service anvil {",
        "  chroot =",
        "}",
        "");

    /// <summary>Dovecot's SSHA512 scheme: base64(sha512(password ++ salt) ++ salt).</summary>
    internal static string HashPassword(string password, byte[] salt)
    {
        var hash = SHA512.HashData([.. Encoding.UTF8.GetBytes(password), .. salt]);
        return "{SSHA512}" + Convert.ToBase64String([.. hash, .. salt]);
    }

    /// <summary>A master.pid left by a killed server names a process that is gone, a zombie nobody reaped yet, or by now
    /// another program: Dovecot would refuse to start ("already running") on any of them. A live Dovecot's is kept.</summary>
    private void RemoveStalePidFile()
    {
        var pidFile = Path.Combine(RunDirectory, "master.pid");
        if (!File.Exists(pidFile) || OperatingSystem.IsWindows())
        {
            return;
        }
        if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && IsRunningDovecot(pid))
        {
            return;
        }
        File.Delete(pidFile);
    }

    private static bool IsRunningDovecot(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat"); // "pid (comm) state ..."
            return stat[stat.LastIndexOf(')') + 2] != 'Z' && File.ReadAllText($"/proc/{pid}/comm").Trim() == "dovecot";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static async Task MakeDirectoryAsync(string path, string mode, string user, string group, CancellationToken cancellationToken)
    {
        if (PrivilegeDrop.IsRoot)
        {
            await ProcessRunner.RunAsync("install", ["-d", "-o", user, "-g", group, "-m", mode, path], cancellationToken);
            return;
        }
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
    }
}
