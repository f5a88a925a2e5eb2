using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Program287g.LocalServers;

/// <summary>One local RabbitMQ node from Debian's package, every file of it inside <paramref name="rootDirectory"/>.
/// It runs Debian's inner start script (not the /usr/sbin wrapper, which switches user and writes under /var/lib),
/// beside a private epmd on its own port, so it neither needs nor disturbs a system-wide broker.</summary>
public sealed class NativeRabbitMq(string rootDirectory, string nodeName)
{
    public const string UserName = "program287g";
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public string PasswordFile => Path.Combine(rootDirectory, "password");

    public string Password => LocalSecret.ReadOrCreate(PasswordFile);

    public static bool IsInstalled() => File.Exists(ServerScript) && FindEpmd() is not null;

    /// <summary>Debian ships epmd both on the PATH and inside the Erlang runtime folder.</summary>
    public static string? FindEpmd() =>
        new[] { "/usr/bin/epmd", "/usr/local/bin/epmd" }.FirstOrDefault(File.Exists)
        ?? (Directory.Exists("/usr/lib/erlang")
            ? Directory.GetFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).FirstOrDefault()
            : null);

    /// <summary>Writes the node's configuration. The user and password are imported from a definitions file
    /// on every boot, so the broker always accepts the current password even over an old message store.</summary>
    public void Prepare(int amqpPort)
    {
        foreach (var dir in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(rootDirectory, dir));
        }
        File.WriteAllText(Path.Combine(rootDirectory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(rootDirectory, "definitions.json"), Definitions(Password));
        File.WriteAllText(Path.Combine(rootDirectory, "rabbitmq.conf"), string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{amqpPort.ToString(CultureInfo.InvariantCulture)}",
            "loopback_users = none",
            $"load_definitions = {Path.Combine(rootDirectory, "definitions.json")}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
            ""));
        // SO_REUSEADDR, which rabbitmq.conf cannot set: without it the broker cannot listen again on its port while
        // the connections it closed at its last stop sit in TIME_WAIT, and a quick restart dies in do_boot.
        // The other options are RabbitMQ's defaults, which this list replaces.
        File.WriteAllText(Path.Combine(rootDirectory, "advanced.config"),
            "[{rabbit, [{tcp_listen_options, [{backlog, 128}, {nodelay, true}, {linger, {true, 0}}, {exit_on_close, false}, {reuseaddr, true}]}]}].\n");
    }

    public ProcessSpec Epmd(int epmdPort) => new(
        FindEpmd() ?? throw new InvalidOperationException("epmd was not found: install Debian's rabbitmq-server."),
        ["-port", epmdPort.ToString(CultureInfo.InvariantCulture)],
        new Dictionary<string, string>(),
        rootDirectory);

    /// <summary>The broker in the foreground. Debian's script traps SIGTERM and stops the node cleanly (about 1 s).
    /// The distribution port is set because the default (AMQP port + 20000) overflows for high ports.</summary>
    public ProcessSpec Server(int amqpPort, int distributionPort, int epmdPort) => new(
        ServerScript,
        [],
        new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(rootDirectory, "home"),
            ["RABBITMQ_NODENAME"] = $"{nodeName}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(rootDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(rootDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(rootDirectory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(rootDirectory, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(rootDirectory, "advanced.config"),
        },
        rootDirectory);

    public string ConnectionString(int amqpPort) =>
        $"amqp://{UserName}:{Password}@127.0.0.1:{amqpPort.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)), 4-byte salt.</summary>
    internal static string HashPassword(string password, byte[] salt)
    {
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }

    private static string Definitions(string password) => JsonSerializer.Serialize(new
    {
        users = new[]
        {
            new
            {
                name = UserName,
                password_hash = HashPassword(password, RandomNumberGenerator.GetBytes(4)),
                hashing_algorithm = "rabbit_password_hashing_sha256",
                tags = new[] { "administrator" },
            },
        },
        vhosts = new[] { new { name = "/" } },
        permissions = new[] { new { user = UserName, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
    });
}
