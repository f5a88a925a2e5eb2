using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

/// <summary>What a developer with Docker (or Podman) expects: Aspire's own PostgreSQL and RabbitMQ container
/// resources, with data volumes so data survives restarts, and the smtp4dev image.</summary>
internal static class ContainerInfrastructure
{
    public static InfrastructureResources Add(IDistributedApplicationBuilder builder, InfrastructureSettings settings)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres, port: settings.PostgresPort).WithDataVolume();
        var databases = ResourceNames.Databases.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));

        var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging, port: settings.RabbitMqPort).WithDataVolume();

        var smtp = builder.AddResource(new Smtp4devContainerResource(ResourceNames.Smtp))
            .WithImage(Smtp4dev.ContainerImage, Smtp4dev.ContainerTag)
            .WithHttpEndpoint(port: settings.SmtpUiPort, targetPort: 80, name: Smtp4devContainerResource.UiEndpointName)
            .WithEndpoint(port: settings.SmtpPort, targetPort: 25, name: Smtp4devContainerResource.SmtpEndpointName, scheme: "tcp")
            .WithEnvironment("ServerOptions__NumberOfMessagesToKeep", Smtp4dev.MessagesToKeep.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHttpHealthCheck("/api/server", endpointName: Smtp4devContainerResource.UiEndpointName);

        return new InfrastructureResources
        {
            Mode = InfrastructureMode.Containers,
            Databases = databases,
            Messaging = rabbit,
            Smtp = smtp,
        };
    }
}

/// <summary>smtp4dev in a container; services get "smtp://host:port" as their smtp connection string.</summary>
internal sealed class Smtp4devContainerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string UiEndpointName = "http";

    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var endpoint = new EndpointReference(this, SmtpEndpointName);
            return ReferenceExpression.Create(
                $"smtp://{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}");
        }
    }
}
