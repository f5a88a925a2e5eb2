namespace Program287g.LocalServers;

/// <summary>One local PostgreSQL cluster from Debian's packages: initialised once into a data folder, then
/// started in the foreground so whoever started it (the Aspire orchestrator or a test) also stops it.</summary>
public sealed class NativePostgres(string binDirectory, string rootDirectory)
{
    public const string SuperUser = "postgres";
    private const string SystemUser = "postgres";

    /// <summary>The cluster itself; its sibling files (password) stay outside so initdb finds an empty folder.</summary>
    public string ClusterDirectory => Path.Combine(rootDirectory, "cluster");

    public string PasswordFile => Path.Combine(rootDirectory, "password");

    /// <summary>Debian installs each major version under /usr/lib/postgresql/N/bin; the newest wins.</summary>
    public static string? FindBinDirectory(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "postgres")) ? configured : null;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }
        return Directory.GetDirectories(debianRoot)
            .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1, Bin: Path.Combine(dir, "bin")))
            .Where(x => x.Version > 0 && File.Exists(Path.Combine(x.Bin, "postgres")) && File.Exists(Path.Combine(x.Bin, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    public string Password => LocalSecret.ReadOrCreate(PasswordFile);

    /// <summary>Creates the cluster on first use. The superuser's password comes from <see cref="PasswordFile"/>;
    /// connections over TCP need it, the private unix socket in the cluster folder does not.</summary>
    public async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(rootDirectory);
        var password = Password;
        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory, recursive: true); // a half-made cluster from an interrupted initdb
        }
        // initdb reads the password from a file the server's user can read; it is removed right after.
        var passwordFile = Path.Combine(rootDirectory, ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (PrivilegeDrop.IsRoot)
            {
                await ProcessRunner.RunAsync("install", ["-d", "-o", SystemUser, "-g", SystemUser, "-m", "700", ClusterDirectory], cancellationToken);
                await ProcessRunner.RunAsync("chown", [$"{SystemUser}:{SystemUser}", passwordFile], cancellationToken);
            }
            var (file, args) = PrivilegeDrop.As(SystemUser, Path.Combine(binDirectory, "initdb"),
            [
                "-D", ClusterDirectory, "-U", SuperUser, "--pwfile", passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions",
            ]);
            await ProcessRunner.RunAsync(file, args, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The server in the foreground, listening on loopback only, its socket in the cluster folder
    /// (writable by the server's user, unlike /var/run/postgresql on a machine where the package never ran).</summary>
    public ProcessSpec Server(int port, bool durable = true)
    {
        var settings = new List<string>
        {
            "-D", ClusterDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", ClusterDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            "-c", "log_min_messages=warning", "-c", "shared_buffers=128MB",
        };
        if (!durable)
        {
            // Throw-away test clusters: crash safety buys nothing there and costs seconds per test run.
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        var (file, args) = PrivilegeDrop.As(SystemUser, Path.Combine(binDirectory, "postgres"), settings);
        return new ProcessSpec(file, args, new Dictionary<string, string>(), rootDirectory);
    }

    public string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port};Username={SuperUser};Password={Password};Database={database}";
}
