using System.Globalization;

namespace Program287g.LocalServers;

/// <summary>smtp4dev, a real SMTP server with a web UI and REST API for reading what was sent, installed as a
/// dotnet tool into the repository's git-ignored .tools folder by ./run.sh and ./test.sh.</summary>
public static class Smtp4dev
{
    public const string ContainerImage = "rnwood/smtp4dev";
    public const string ContainerTag = "v3";

    public static string ToolPath(string repositoryRoot) => Path.Combine(repositoryRoot, ".tools", "smtp4dev");

    /// <summary>In memory (no database file), no IMAP/POP3, bound to loopback; nothing persists between runs.</summary>
    public static ProcessSpec Server(string toolPath, int smtpPort, int httpPort, string workingDirectory) => new(
        toolPath,
        [
            "--db=", $"--smtpport={smtpPort.ToString(CultureInfo.InvariantCulture)}", "--imapport=", "--pop3port=",
            $"--urls=http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}", "--bindaddress=127.0.0.1",
            "--nousersettings", "--hostname=localhost",
        ],
        new Dictionary<string, string>(),
        workingDirectory);
}
