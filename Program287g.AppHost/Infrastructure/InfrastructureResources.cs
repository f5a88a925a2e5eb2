using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

/// <summary>What the services are wired to, whichever way the servers were provided.</summary>
public sealed class InfrastructureResources
{
    public required InfrastructureMode Mode { get; init; }

    public required IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Messaging { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Smtp { get; init; }

    /// <summary>The program mailbox (IMAP): imap://user:password@host:port/INBOX.</summary>
    public required IResourceBuilder<IResourceWithConnectionString> Mailbox { get; init; }

    /// <summary>External servers already run and report no state, so nothing waits for them.</summary>
    public bool ServicesWaitForServers => Mode != InfrastructureMode.External;
}
