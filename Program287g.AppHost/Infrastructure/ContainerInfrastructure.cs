using Microsoft.Extensions.DependencyInjection;
using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

/// <summary>What a developer with Docker (or Podman) expects: Aspire's own PostgreSQL and RabbitMQ container
/// resources, with data volumes so data survives restarts, the smtp4dev image and Dovecot's image for the mailbox.</summary>
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
            Mailbox = AddMailbox(builder, settings),
        };
    }

    /// <summary>Dovecot's rootless image with the program's password (generated once, kept in the AppHost's user
    /// secrets), its conf.d addition (plain-text LOGIN, the Recorded folder) and a data volume for the mail.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddMailbox(IDistributedApplicationBuilder builder, InfrastructureSettings settings)
    {
        var password = builder.AddParameter($"{ResourceNames.Mailbox}-password",
            new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        var mailbox = builder.AddResource(new DovecotContainerResource(ResourceNames.Mailbox, password.Resource))
            .WithImage(DovecotContainer.Image, DovecotContainer.Tag)
            .WithEndpoint(port: settings.ImapPort, targetPort: DovecotContainer.ImapPort, name: DovecotContainerResource.ImapEndpointName, scheme: "tcp")
            .WithEnvironment(DovecotContainer.PasswordVariable, password)
            .WithContainerFiles(DovecotContainer.ConfigDirectory,
                [new ContainerFile { Name = DovecotContainer.ConfigFileName, Contents = DovecotContainer.Config }]);
        mailbox.WithVolume(VolumeNameGenerator.Generate(mailbox, "data"), DovecotContainer.MailVolumePath);
        var check = $"{ResourceNames.Mailbox}-ready";
        builder.Services.AddHealthChecks().AddCheck(check, new ImapReadinessCheck(mailbox.Resource));
        return mailbox.WithHealthCheck(check);
    }
}

/// <summary>Dovecot in a container; services get imap://program287g:password@host:port/INBOX (the image takes any user
/// name with the password; the program's is the native server's).</summary>
internal sealed class DovecotContainerResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public const string ImapEndpointName = "imap";

    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var endpoint = new EndpointReference(this, ImapEndpointName);
            return ReferenceExpression.Create(
                $"imap://{NativeDovecot.UserName}:{password:uri}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}/INBOX");
        }
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
