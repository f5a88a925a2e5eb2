using Microsoft.Extensions.Configuration;

namespace Program287g.AppHost.Infrastructure;

/// <summary>The "Infrastructure" configuration section (appsettings.json, environment Infrastructure__*, or
/// command-line Infrastructure:Key=value). Every port is optional: unset means a stable default when it is
/// free, else any free port, so the system never collides with other processes on the machine.</summary>
public sealed class InfrastructureSettings
{
    /// <summary>auto (default), containers, native or external.</summary>
    public string? Mode { get; set; }

    /// <summary>Native mode's data folder; defaults to the repository's git-ignored .data folder.</summary>
    public string? DataDirectory { get; set; }

    public int? PostgresPort { get; set; }
    public int? RabbitMqPort { get; set; }
    public int? SmtpPort { get; set; }
    public int? SmtpUiPort { get; set; }

    /// <summary>The mailbox's IMAP port; natively 51143 when free.</summary>
    public int? ImapPort { get; set; }

    /// <summary>Where PostgreSQL's binaries are, when not Debian's /usr/lib/postgresql/N/bin.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>False for throw-away test clusters: PostgreSQL runs without fsync.</summary>
    public bool Durable { get; set; } = true;

    public static InfrastructureSettings From(IConfiguration configuration) =>
        configuration.GetSection("Infrastructure").Get<InfrastructureSettings>() ?? new InfrastructureSettings();
}
