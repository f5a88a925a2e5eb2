extern alias AppHost;

using AppHost::Program287g.AppHost.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Program287g.LocalServers;

namespace Program287g.EndToEndTests;

/// <summary>The same AppHost, unchanged, in each infrastructure mode: these build the application model (nothing
/// starts) and check that the services are wired to the right kind of server.</summary>
public sealed class AppHostModelTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"program287g-model-{Guid.NewGuid():N}");

    private async Task<IReadOnlyList<IResource>> ModelAsync(string mode, params string[] settings)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.Program287g_AppHost>(
            [$"Infrastructure:Mode={mode}", $"Infrastructure:DataDirectory={_dataDirectory}", .. settings]);
        return [.. builder.Resources];
    }

    [Fact]
    public async Task With_a_container_runtime_the_apphost_uses_aspires_postgres_and_rabbitmq_containers()
    {
        var resources = await ModelAsync("containers");

        var postgres = resources.OfType<PostgresServerResource>().ShouldHaveSingleItem();
        postgres.Name.ShouldBe(ResourceNames.Postgres);
        resources.OfType<PostgresDatabaseResource>().Select(d => d.Name).ShouldBe(ResourceNames.Databases, ignoreOrder: true);
        resources.OfType<RabbitMQServerResource>().ShouldHaveSingleItem().Name.ShouldBe(ResourceNames.Messaging);
        resources.OfType<ContainerResource>().Select(c => c.Name).ShouldContain(ResourceNames.Smtp);
        resources.OfType<ContainerResource>().Select(c => c.Name).ShouldContain(ResourceNames.Mailbox);
        InfrastructureExecutables(resources).ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.AgencyService)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.AgencyDatabase, ResourceNames.Messaging], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_a_container_runtime_the_apphost_runs_debians_servers_as_executables()
    {
        var resources = await ModelAsync("native");

        resources.OfType<NativeServerResource>().Select(r => r.Name)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.Messaging, ResourceNames.Smtp, ResourceNames.Mailbox], ignoreOrder: true);
        resources.OfType<NativeDatabaseResource>().Select(d => d.Name).ShouldBe(ResourceNames.Databases, ignoreOrder: true);
        resources.OfType<ContainerResource>().ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.NotificationService)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.NotificationDatabase, ResourceNames.Messaging, ResourceNames.Smtp, ResourceNames.Mailbox],
                ignoreOrder: true);
    }

    [Fact]
    public async Task In_external_mode_the_apphost_only_passes_connection_strings_on()
    {
        var resources = await ModelAsync("external");

        resources.Where(r => r is IResourceWithConnectionString and not ProjectResource).Select(r => r.Name)
            .ShouldBe([.. ResourceNames.Databases, ResourceNames.Messaging, ResourceNames.Smtp, ResourceNames.Mailbox], ignoreOrder: true);
        resources.OfType<ContainerResource>().ShouldBeEmpty();
        InfrastructureExecutables(resources).ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.AgencyService).ShouldBeEmpty();
    }

    [Fact]
    public async Task Natively_the_mailbox_is_debians_dovecot_on_the_configured_imap_port_and_only_the_notification_service_uses_it()
    {
        var port = FreePort.Next();
        // A password of someone's choosing, not the generated hex: the connection string carries it URL-escaped.
        Directory.CreateDirectory(Path.Combine(_dataDirectory, ResourceNames.Mailbox));
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, ResourceNames.Mailbox, "password"), "p@ss/w:rd");
        var resources = await ModelAsync("native", $"Infrastructure:ImapPort={port}");

        var mailbox = resources.OfType<NativeServerResource>().Single(r => r.Name == ResourceNames.Mailbox);
        var config = Path.Combine(_dataDirectory, ResourceNames.Mailbox, "dovecot.conf");
        var arguments = mailbox.Annotations.OfType<CommandLineArgsCallbackAnnotation>().ShouldHaveSingleItem();
        var args = new List<object>();
        await arguments.Callback(new CommandLineArgsCallbackContext(args));
        args.Select(a => a.ToString()).TakeLast(3).ShouldBe(["-F", "-c", config]);
        (mailbox.Command == NativeDovecot.Binary || args.Contains(NativeDovecot.Binary)).ShouldBeTrue("Dovecot itself, or setpriv starting it as the dovecot user");
        mailbox.Annotations.OfType<EndpointAnnotation>().ShouldHaveSingleItem().Port.ShouldBe(port);
        mailbox.Annotations.OfType<HealthCheckAnnotation>().Select(h => h.Key).ShouldBe([$"{ResourceNames.Mailbox}-ready"]);
        (await mailbox.ConnectionStringExpression.GetValueAsync(CancellationToken.None))
            .ShouldBe($"imap://program287g:p%40ss%2Fw%3Ard@127.0.0.1:{port}/INBOX");
        UsersOf(resources, ResourceNames.Mailbox).ShouldBe([ResourceNames.NotificationService]);
        ServiceWaitsFor(resources, ResourceNames.NotificationService).ShouldContain(ResourceNames.Mailbox);
    }

    [Fact]
    public async Task With_a_container_runtime_the_mailbox_is_dovecots_image_with_the_programs_password_and_recorded_folder()
    {
        var resources = await ModelAsync("containers");

        var mailbox = resources.OfType<ContainerResource>().Single(r => r.Name == ResourceNames.Mailbox);
        var image = mailbox.Annotations.OfType<ContainerImageAnnotation>().ShouldHaveSingleItem();
        (image.Image, image.Tag).ShouldBe((DovecotContainer.Image, DovecotContainer.Tag));
        mailbox.Annotations.OfType<EndpointAnnotation>().ShouldHaveSingleItem().TargetPort.ShouldBe(DovecotContainer.ImapPort);
        mailbox.Annotations.OfType<ContainerMountAnnotation>().ShouldHaveSingleItem().Target.ShouldBe(DovecotContainer.MailVolumePath);
        var password = resources.OfType<ParameterResource>().Single(p => p.Name == $"{ResourceNames.Mailbox}-password");
        password.Secret.ShouldBeTrue();
        var environment = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run));
        foreach (var callback in mailbox.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(environment);
        }
        environment.EnvironmentVariables[DovecotContainer.PasswordVariable].ShouldBeSameAs(password);
        var files = mailbox.Annotations.OfType<ContainerFileSystemCallbackAnnotation>().ShouldHaveSingleItem();
        files.DestinationPath.ShouldBe(DovecotContainer.ConfigDirectory);
        using var services = new ServiceCollection().BuildServiceProvider();
        var file = (await files.Callback(new() { Model = mailbox, Services = services }, CancellationToken.None))
            .OfType<ContainerFile>().ShouldHaveSingleItem();
        file.Name.ShouldBe(DovecotContainer.ConfigFileName);
        file.Contents.ShouldNotBeNull().ShouldContain("mailbox Recorded {\n    auto = subscribe");
        file.Contents.ShouldContain("auth_allow_cleartext = yes");
        var connectionString = ((IResourceWithConnectionString)mailbox).ConnectionStringExpression;
        connectionString.ValueExpression
            .ShouldBe($"imap://program287g:{{{password.Name}.value}}@{{mailbox.bindings.imap.host}}:{{mailbox.bindings.imap.port}}/INBOX");
        connectionString.StringFormats[connectionString.ValueProviders.ToList().IndexOf(password)].ShouldBe("uri");
        UsersOf(resources, ResourceNames.Mailbox).ShouldBe([ResourceNames.NotificationService]);
        ServiceWaitsFor(resources, ResourceNames.NotificationService).ShouldContain(ResourceNames.Mailbox);
    }

    [Fact]
    public async Task In_external_mode_the_mailbox_is_the_connection_string_given_and_nothing_waits_for_it()
    {
        const string external = "imaps://intake%40program287g.example.gov:p%40ss@imap.program287g.example.gov/INBOX";
        var resources = await ModelAsync("external", $"ConnectionStrings:{ResourceNames.Mailbox}={external}");

        var mailbox = resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == ResourceNames.Mailbox);
        (await mailbox.ConnectionStringExpression.GetValueAsync(CancellationToken.None)).ShouldBe(external);
        UsersOf(resources, ResourceNames.Mailbox).ShouldBe([ResourceNames.NotificationService]);
        ServiceWaitsFor(resources, ResourceNames.NotificationService).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_service_gets_a_grpc_and_an_http_endpoint_outside_the_orchestrators_proxy()
    {
        var resources = await ModelAsync("external");
        foreach (var service in resources.OfType<ProjectResource>().Where(p => p.Name != ResourceNames.Console))
        {
            var endpoints = service.Annotations.OfType<EndpointAnnotation>().ToList();
            endpoints.Select(e => e.Name).ShouldBe([ResourceNames.GrpcEndpoint, ResourceNames.HttpEndpoint], ignoreOrder: true);
            endpoints.ShouldAllBe(e => !e.IsProxied);
            endpoints.Single(e => e.Name == ResourceNames.GrpcEndpoint).Transport.ShouldBe("http2");
        }
    }

    [Fact]
    public async Task The_staff_console_is_a_web_endpoint_that_calls_the_four_services_and_waits_for_them()
    {
        var resources = await ModelAsync("external");
        var console = resources.OfType<ProjectResource>().Single(p => p.Name == ResourceNames.Console);

        var endpoint = console.Annotations.OfType<EndpointAnnotation>().ShouldHaveSingleItem();
        endpoint.Name.ShouldBe(ResourceNames.HttpEndpoint);
        endpoint.IsProxied.ShouldBeFalse();
        ServiceWaitsFor(resources, ResourceNames.Console).ShouldBe(AppHostFixture.Services, ignoreOrder: true);
        console.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference" && r.Resource is ProjectResource)
            .Select(r => r.Resource.Name)
            .ShouldBe(AppHostFixture.Services, ignoreOrder: true);
        // No database, broker or mail server: the console owns no data and reaches everything through the services.
        UsersOf(resources, ResourceNames.Messaging).ShouldNotContain(ResourceNames.Console);
        ResourceNames.Databases.ShouldAllBe(database => !UsersOf(resources, database).Contains(ResourceNames.Console));
    }

    /// <summary>Executables other than the orchestrator's own helpers (13.x adds a project-rebuilder per project).</summary>
    private static List<string> InfrastructureExecutables(IEnumerable<IResource> resources) =>
        resources.OfType<ExecutableResource>().Where(e => !e.GetType().Name.Contains("Rebuilder", StringComparison.Ordinal))
            .Select(e => e.Name).ToList();

    /// <summary>The services that got a reference to a resource (its connection string).</summary>
    private static List<string> UsersOf(IEnumerable<IResource> resources, string resource) =>
        resources.OfType<ProjectResource>()
            .Where(p => p.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Type == "Reference" && r.Resource.Name == resource))
            .Select(p => p.Name).ToList();

    private static List<string> ServiceWaitsFor(IEnumerable<IResource> resources, string service) =>
        resources.Single(r => r.Name == service).Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
