namespace Program287g.LocalServers;

/// <summary>Where PostgreSQL, RabbitMQ, the SMTP server and the mailbox (IMAP) come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime is healthy, else native when Debian's servers are installed.</summary>
    Auto,
    /// <summary>Aspire's container resources (AddPostgres, AddRabbitMQ): a developer laptop with Docker.</summary>
    Containers,
    /// <summary>Debian's PostgreSQL, RabbitMQ and Dovecot and the smtp4dev tool, started as local processes.</summary>
    Native,
    /// <summary>Connection strings to servers that already run.</summary>
    External,
}

public static class InfrastructureModeSelector
{
    /// <summary>Reads a configured mode; a missing value means <see cref="InfrastructureMode.Auto"/>.</summary>
    public static InfrastructureMode Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return InfrastructureMode.Auto;
        }
        // By name only: Enum.TryParse would also take "3" for External.
        var name = Enum.GetNames<InfrastructureMode>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<InfrastructureMode>(name)
            : throw new ArgumentException(
                $"Infrastructure mode '{value}' is not one of: {string.Join(", ", Enum.GetNames<InfrastructureMode>())}.",
                nameof(value));
    }

    /// <summary>Turns <see cref="InfrastructureMode.Auto"/> into a concrete mode; any other mode is kept as asked.
    /// The probes are functions so that the (slow) container probe only runs when it matters.</summary>
    public static InfrastructureMode Resolve(
        InfrastructureMode configured, Func<bool> containerRuntimeIsHealthy, Func<bool> nativeServersAreInstalled)
    {
        if (configured != InfrastructureMode.Auto)
        {
            return configured;
        }
        if (containerRuntimeIsHealthy())
        {
            return InfrastructureMode.Containers;
        }
        if (nativeServersAreInstalled())
        {
            return InfrastructureMode.Native;
        }
        throw new InvalidOperationException(
            "No healthy container runtime and no native PostgreSQL and RabbitMQ were found. Start Docker, "
            + "install Debian's postgresql and rabbitmq-server (./run.sh does), or set Infrastructure:Mode=External "
            + "with ConnectionStrings for each database, 'messaging', 'smtp' and 'mailbox'.");
    }
}
