using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

/// <summary>Debian's PostgreSQL, RabbitMQ and Dovecot and the smtp4dev tool as executable resources: first-class on a
/// machine without a container engine (this one, and CI). Data lives in the repository's git-ignored .data folder
/// (or Infrastructure:DataDirectory) and survives restarts; each server has a readiness check that gates WaitFor.</summary>
internal static class NativeInfrastructure
{
    public static InfrastructureResources Add(IDistributedApplicationBuilder builder, InfrastructureSettings settings)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataRoot = Path.GetFullPath(settings.DataDirectory ?? DefaultDataDirectory(repositoryRoot));
        var (server, databases) = AddPostgres(builder, settings, dataRoot);
        return new InfrastructureResources
        {
            Mode = InfrastructureMode.Native,
            Databases = databases,
            Messaging = AddRabbitMq(builder, settings, dataRoot),
            Smtp = AddSmtp(builder, settings, repositoryRoot),
            Mailbox = AddMailbox(builder, settings, dataRoot),
        };
    }

    /// <summary>The repository's .data folder, unless the servers' system users (postgres and dovecot, when we run as root) cannot
    /// reach it, as in a clone under /root: then a folder of this repository's own under /var/tmp, which also
    /// survives restarts.</summary>
    private static string DefaultDataDirectory(string repositoryRoot)
    {
        var inRepository = Path.Combine(repositoryRoot, ".data");
        if (!PrivilegeDrop.IsRoot || PrivilegeDrop.OthersCanReach(repositoryRoot))
        {
            return inRepository;
        }
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(repositoryRoot)))[..12];
        var fallback = Path.Combine("/var/tmp", $"program287g-{key}");
        Console.WriteLine($"  data          {inRepository} is not reachable by the postgres and dovecot users; using {fallback}");
        return fallback;
    }

    private static (IResourceBuilder<NativeServerResource>, IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>>)
        AddPostgres(IDistributedApplicationBuilder builder, InfrastructureSettings settings, string dataRoot)
    {
        var binDirectory = NativePostgres.FindBinDirectory(settings.PostgresBinDirectory)
            ?? throw new InvalidOperationException("PostgreSQL was not found: install Debian's postgresql package (./run.sh does).");
        var postgres = new NativePostgres(binDirectory, Path.Combine(dataRoot, "postgres"));
        var port = FreePort.Choose(settings.PostgresPort, 55432, "PostgreSQL");
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var password = builder.AddParameter($"{ResourceNames.Postgres}-password", postgres.Password, secret: true);
        var spec = postgres.Server(port, settings.Durable);

        var server = builder.AddResource(new NativeServerResource(ResourceNames.Postgres, spec.FileName, spec.WorkingDirectory,
                ReferenceExpression.Create($"Host=127.0.0.1;Port={portText};Username={NativePostgres.SuperUser};Password={password.Resource}")))
            .WithArgs([.. spec.Arguments])
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(AddCheck(builder, $"{ResourceNames.Postgres}-ready", new PostgresReadinessCheck(
                postgres.ConnectionString(port, "postgres"), ResourceNames.Databases)))
            .ExcludeFromManifest();
        // initdb runs once, just before the first start, so that building the app model stays side-effect free.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server.Resource,
            (_, cancellationToken) => postgres.EnsureInitializedAsync(cancellationToken));

        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        foreach (var name in ResourceNames.Databases)
        {
            databases[name] = builder.AddResource(new NativeDatabaseResource(name, server.Resource,
                ReferenceExpression.Create($"Host=127.0.0.1;Port={portText};Username={NativePostgres.SuperUser};Password={password.Resource};Database={name}")))
                .ExcludeFromManifest();
        }
        // The readiness check has created every database by the time the server is ready: say so in the dashboard,
        // which is also what lets the services' WaitFor(database) go ahead.
        server.OnResourceReady(async (_, readyEvent, cancellationToken) =>
        {
            var notifications = readyEvent.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in databases.Values)
            {
                await notifications.PublishUpdateAsync(database.Resource, state => state with
                {
                    State = KnownResourceStates.Running,
                    Properties = [.. state.Properties, new("postgres.port", portText)],
                });
            }
        });
        return (server, databases);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRabbitMq(
        IDistributedApplicationBuilder builder, InfrastructureSettings settings, string dataRoot)
    {
        var rabbit = new NativeRabbitMq(Path.Combine(dataRoot, "rabbitmq"), "program287g");
        var amqpPort = FreePort.Choose(settings.RabbitMqPort, 55672, "RabbitMQ");
        var epmdPort = FreePort.Next();
        rabbit.Prepare(amqpPort);
        var password = builder.AddParameter($"{ResourceNames.Messaging}-password", rabbit.Password, secret: true);

        var epmdSpec = rabbit.Epmd(epmdPort);
        var epmd = builder.AddExecutable($"{ResourceNames.Messaging}-epmd", epmdSpec.FileName, epmdSpec.WorkingDirectory, [.. epmdSpec.Arguments])
            .ExcludeFromManifest();

        var spec = rabbit.Server(amqpPort, FreePort.Next(), epmdPort);
        var amqpPortText = amqpPort.ToString(CultureInfo.InvariantCulture);
        var server = builder.AddResource(new NativeServerResource(ResourceNames.Messaging, spec.FileName, spec.WorkingDirectory,
                ReferenceExpression.Create($"amqp://{NativeRabbitMq.UserName}:{password.Resource}@127.0.0.1:{amqpPortText}/")))
            .WithEndpoint(name: "tcp", port: amqpPort, targetPort: amqpPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck(AddCheck(builder, $"{ResourceNames.Messaging}-ready", new RabbitMqReadinessCheck(rabbit.ConnectionString(amqpPort))))
            .WaitFor(epmd)
            .ExcludeFromManifest();
        foreach (var (key, value) in spec.Environment)
        {
            server.WithEnvironment(key, value);
        }
        return server;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddSmtp(
        IDistributedApplicationBuilder builder, InfrastructureSettings settings, string repositoryRoot)
    {
        var toolPath = Smtp4dev.ToolPath(repositoryRoot);
        if (!File.Exists(toolPath))
        {
            throw new InvalidOperationException(
                $"smtp4dev is not installed at {toolPath}: run ./run.sh, or 'dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path .tools'.");
        }
        var smtpPort = FreePort.Choose(settings.SmtpPort, 52525, "SMTP");
        var uiPort = FreePort.Choose(settings.SmtpUiPort, 55080, "the SMTP web UI");
        var spec = Smtp4dev.Server(toolPath, smtpPort, uiPort, Path.GetDirectoryName(toolPath)!);
        var smtpPortText = smtpPort.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"  mail          SMTP 127.0.0.1:{smtpPortText}   web UI http://127.0.0.1:{uiPort.ToString(CultureInfo.InvariantCulture)}");
        return builder.AddResource(new NativeServerResource(ResourceNames.Smtp, spec.FileName, spec.WorkingDirectory,
                ReferenceExpression.Create($"smtp://127.0.0.1:{smtpPortText}")))
            .WithArgs([.. spec.Arguments])
            .WithEndpoint(name: "smtp", port: smtpPort, targetPort: smtpPort, scheme: "tcp", isProxied: false)
            .WithHttpEndpoint(port: uiPort, targetPort: uiPort, name: "http", isProxied: false)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mail UI")
            .WithHttpHealthCheck("/api/server", endpointName: "http")
            .ExcludeFromManifest();
    }

    /// <summary>Dovecot from Debian's dovecot-imapd, its configuration, password and maildir in .data/mailbox; the
    /// configuration is written just before each start. Ready once it accepts the program's user.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddMailbox(
        IDistributedApplicationBuilder builder, InfrastructureSettings settings, string dataRoot)
    {
        if (!NativeDovecot.IsInstalled())
        {
            throw new InvalidOperationException("Dovecot was not found: install Debian's dovecot-imapd package (./run.sh does).");
        }
        var dovecot = new NativeDovecot(Path.Combine(dataRoot, ResourceNames.Mailbox));
        var port = FreePort.Choose(settings.ImapPort, 51143, "IMAP");
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var user = Uri.EscapeDataString(NativeDovecot.UserName);
        var password = builder.AddParameter($"{ResourceNames.Mailbox}-password", dovecot.Password, secret: true);
        var spec = dovecot.Server();
        Console.WriteLine($"  mailbox       IMAP imap://127.0.0.1:{portText}/INBOX   user {NativeDovecot.UserName}, password in {dovecot.PasswordFile}");

        var server = builder.AddResource(new NativeServerResource(ResourceNames.Mailbox, spec.FileName, spec.WorkingDirectory,
                ReferenceExpression.Create($"imap://{user}:{password.Resource:uri}@127.0.0.1:{portText}/INBOX")))
            .WithArgs([.. spec.Arguments])
            .WithEndpoint(name: "imap", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .ExcludeFromManifest();
        server.WithHealthCheck(AddCheck(builder, $"{ResourceNames.Mailbox}-ready", new ImapReadinessCheck(server.Resource)));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server.Resource,
            (_, cancellationToken) => dovecot.PrepareAsync(port, cancellationToken));
        return server;
    }

    private static string AddCheck(IDistributedApplicationBuilder builder, string key, Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck check)
    {
        builder.Services.AddHealthChecks().AddCheck(key, check);
        return key;
    }
}
