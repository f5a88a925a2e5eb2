using System.Globalization;

namespace Program287g.LocalServers;

/// <summary>smtp4dev, a real SMTP server with a web UI and REST API for reading what was sent, installed as a
/// dotnet tool into the repository's git-ignored .tools folder by ./run.sh and ./test.sh.</summary>
public static class Smtp4dev
{
    public const string ContainerImage = "rnwood/smtp4dev";
    public const string ContainerTag = "v3";

    public static string ToolPath(string repositoryRoot) => Path.Combine(repositoryRoot, ".tools", "smtp4dev");

    /// <summary>Messages kept before the oldest go: smtp4dev's default is 100, too few for the Notification service's
    /// delivery check (it asks whether an email in doubt arrived) after a busy spell, and for a test run's mail.</summary>
    public const int MessagesToKeep = 100_000;

    /// <summary>In memory unless <paramref name="databaseFile"/> is given, no IMAP/POP3, bound to loopback.</summary>
    public static ProcessSpec Server(string toolPath, int smtpPort, int httpPort, string workingDirectory, string? databaseFile = null) => new(
        toolPath,
        [
            $"--db={databaseFile}", $"--messagestokeep={MessagesToKeep.ToString(CultureInfo.InvariantCulture)}",
            $"--smtpport={smtpPort.ToString(CultureInfo.InvariantCulture)}", "--imapport=", "--pop3port=",
            $"--urls=http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}", "--bindaddress=127.0.0.1",
            "--nousersettings", "--hostname=localhost",
        ],
        new Dictionary<string, string>(),
        workingDirectory);
}
