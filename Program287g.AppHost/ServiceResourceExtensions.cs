using System.Globalization;
using Program287g.AppHost.Infrastructure;

namespace Program287g.AppHost;

public static class ServiceResourceExtensions
{
    /// <summary>A Program287g gRPC service: an HTTP/2 gRPC endpoint and an HTTP/1.1 endpoint for /health and /alive
    /// (Kestrel cannot offer both on one plain-text port), the JWT signing key, and a readiness check on /health
    /// so that whatever waits for the service waits until its database and broker are reachable.</summary>
    public static IResourceBuilder<ProjectResource> AddGrpcService<TProject>(this IDistributedApplicationBuilder builder,
        string name, ServicePorts ports, IResourceBuilder<ParameterResource> signingKey) where TProject : IProjectMetadata, new()
    {
        var (grpcPort, httpPort) = ports.For(name);
        var grpcUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}");
        var httpUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}");
        // Printed so that a person can point buf curl at a service without opening the dashboard.
        Console.WriteLine($"  {name,-13} gRPC {grpcUrl}   health {httpUrl}/health");
        return builder.AddProject<TProject>(name, launchProfileName: null)
            .WithEndpoint(ResourceNames.GrpcEndpoint, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
                endpoint.Port = grpcPort;
                endpoint.TargetPort = grpcPort;
                endpoint.IsProxied = false;
            })
            .WithHttpEndpoint(port: httpPort, targetPort: httpPort, name: ResourceNames.HttpEndpoint, isProxied: false)
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Url", grpcUrl)
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Protocols", "Http2")
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url", httpUrl)
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Protocols", "Http1")
            .WithEnvironment("Auth__SigningKey", signingKey)
            // The development key is for a local run only, whatever environment the services inherit; a published
            // model does not carry the permission (a deployment sets Auth__Authority and Auth__Audience instead).
            .WithEnvironment(context =>
            {
                if (context.ExecutionContext.IsRunMode)
                {
                    context.EnvironmentVariables["Auth__AllowDevelopmentKey"] = "true";
                }
            })
            .WithUrlForEndpoint(ResourceNames.GrpcEndpoint, url => url.DisplayText = "gRPC")
            .WithUrlForEndpoint(ResourceNames.HttpEndpoint, url =>
            {
                url.Url = $"{url.Url.TrimEnd('/')}/health";
                url.DisplayText = "health";
            })
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
    }

    public static IResourceBuilder<ProjectResource> WithServiceDatabase(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure, string database) =>
        service.WithDependency(infrastructure, infrastructure.Databases[database]);

    public static IResourceBuilder<ProjectResource> WithMessaging(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure) =>
        service.WithDependency(infrastructure, infrastructure.Messaging);

    public static IResourceBuilder<ProjectResource> WithSmtp(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure) =>
        service.WithDependency(infrastructure, infrastructure.Smtp);

    /// <summary>The program mailbox: ConnectionStrings:mailbox, imap://user:password@host:port/INBOX.</summary>
    public static IResourceBuilder<ProjectResource> WithMailbox(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure) =>
        service.WithDependency(infrastructure, infrastructure.Mailbox);

    private static IResourceBuilder<ProjectResource> WithDependency(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure, IResourceBuilder<IResourceWithConnectionString> dependency)
    {
        service.WithReference(dependency);
        return infrastructure.ServicesWaitForServers ? service.WaitFor(dependency) : service;
    }
}
