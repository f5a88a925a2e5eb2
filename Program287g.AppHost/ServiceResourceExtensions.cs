using System.Globalization;
using Program287g.AppHost.Infrastructure;

namespace Program287g.AppHost;

public static class ServiceResourceExtensions
{
    /// <summary>A Program287g gRPC service: an HTTP/2 gRPC endpoint and an HTTP/1.1 endpoint for /health and /alive
    /// (Kestrel cannot offer both on one plain-text port), the JWT signing key, and a readiness check on /health
    /// so that whatever waits for the service waits until its database and broker are reachable. One instance listens
    /// on the two ports itself; several (Services:{name}:Replicas, or Services:Replicas for all) each listen on ports
    /// of their own behind the orchestrator's proxy, which holds the two ports and spreads connections over them.</summary>
    public static IResourceBuilder<ProjectResource> AddGrpcService<TProject>(this IDistributedApplicationBuilder builder,
        string name, ServicePorts ports, IResourceBuilder<ParameterResource> signingKey) where TProject : IProjectMetadata, new()
    {
        var (grpcPort, httpPort) = ports.For(name);
        var replicas = ports.ReplicasOf(name);
        var grpcUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}");
        var httpUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}");
        // Printed so that a person can point buf curl at a service without opening the dashboard.
        Console.WriteLine($"  {name,-13} gRPC {grpcUrl}   health {httpUrl}/health" + (replicas > 1 ? $"   {replicas} instances" : ""));
        var service = builder.AddProject<TProject>(name, launchProfileName: null)
            .WithEndpoint(ResourceNames.GrpcEndpoint, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
                endpoint.Port = grpcPort;
                endpoint.TargetPort = replicas > 1 ? null : grpcPort;
                endpoint.IsProxied = replicas > 1;
            })
            .WithEndpoint(ResourceNames.HttpEndpoint, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Port = httpPort;
                endpoint.TargetPort = replicas > 1 ? null : httpPort;
                endpoint.IsProxied = replicas > 1;
            })
            .WithKestrelEndpoint(ResourceNames.GrpcEndpoint, "Http2")
            .WithKestrelEndpoint(ResourceNames.HttpEndpoint, "Http1")
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
        return replicas > 1 ? service.WithReplicas(replicas) : service;
    }

    /// <summary>Kestrel listens where the endpoint's target is: the fixed port of a single instance, or the port the
    /// orchestrator gives each instance behind its proxy (resolved per instance).</summary>
    private static IResourceBuilder<ProjectResource> WithKestrelEndpoint(this IResourceBuilder<ProjectResource> service,
        string endpointName, string protocols)
    {
        var targetPort = service.GetEndpoint(endpointName).Property(EndpointProperty.TargetPort);
        return service
            .WithEnvironment($"Kestrel__Endpoints__{endpointName}__Url", ReferenceExpression.Create($"http://127.0.0.1:{targetPort}"))
            .WithEnvironment($"Kestrel__Endpoints__{endpointName}__Protocols", protocols);
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
