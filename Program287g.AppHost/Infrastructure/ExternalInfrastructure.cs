using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

/// <summary>Servers that already run: each connection string comes from configuration
/// (ConnectionStrings:agencydb ... ConnectionStrings:messaging, ConnectionStrings:smtp = smtp://host:port,
/// ConnectionStrings:mailbox = imap://user:password@host:port/INBOX or imaps://... for IMAP over TLS).
/// The databases must exist; each service migrates its own schema.</summary>
internal static class ExternalInfrastructure
{
    public static InfrastructureResources Add(IDistributedApplicationBuilder builder) => new()
    {
        Mode = InfrastructureMode.External,
        Databases = ResourceNames.Databases.ToDictionary(name => name, name => builder.AddConnectionString(name)),
        Messaging = builder.AddConnectionString(ResourceNames.Messaging),
        Smtp = builder.AddConnectionString(ResourceNames.Smtp),
        Mailbox = builder.AddConnectionString(ResourceNames.Mailbox),
    };
}
