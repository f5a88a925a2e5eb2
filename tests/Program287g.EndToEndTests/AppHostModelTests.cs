extern alias AppHost;

using AppHost::Program287g.AppHost.Infrastructure;

namespace Program287g.EndToEndTests;

/// <summary>The same AppHost, unchanged, in each infrastructure mode: these build the application model (nothing
/// starts) and check that the services are wired to the right kind of server.</summary>
public sealed class AppHostModelTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"program287g-model-{Guid.NewGuid():N}");

    private async Task<IReadOnlyList<IResource>> ModelAsync(string mode)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.Program287g_AppHost>(
            [$"Infrastructure:Mode={mode}", $"Infrastructure:DataDirectory={_dataDirectory}"]);
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
        InfrastructureExecutables(resources).ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.AgencyService)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.AgencyDatabase, ResourceNames.Messaging], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_a_container_runtime_the_apphost_runs_debians_servers_as_executables()
    {
        var resources = await ModelAsync("native");

        resources.OfType<NativeServerResource>().Select(r => r.Name)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.Messaging, ResourceNames.Smtp], ignoreOrder: true);
        resources.OfType<NativeDatabaseResource>().Select(d => d.Name).ShouldBe(ResourceNames.Databases, ignoreOrder: true);
        resources.OfType<ContainerResource>().ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.NotificationService)
            .ShouldBe([ResourceNames.Postgres, ResourceNames.NotificationDatabase, ResourceNames.Messaging, ResourceNames.Smtp], ignoreOrder: true);
    }

    [Fact]
    public async Task In_external_mode_the_apphost_only_passes_connection_strings_on()
    {
        var resources = await ModelAsync("external");

        resources.Where(r => r is IResourceWithConnectionString and not ProjectResource).Select(r => r.Name)
            .ShouldBe([.. ResourceNames.Databases, ResourceNames.Messaging, ResourceNames.Smtp], ignoreOrder: true);
        resources.OfType<ContainerResource>().ShouldBeEmpty();
        InfrastructureExecutables(resources).ShouldBeEmpty();
        ServiceWaitsFor(resources, ResourceNames.AgencyService).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_service_gets_a_grpc_and_an_http_endpoint_outside_the_orchestrators_proxy()
    {
        var resources = await ModelAsync("external");
        foreach (var service in resources.OfType<ProjectResource>())
        {
            var endpoints = service.Annotations.OfType<EndpointAnnotation>().ToList();
            endpoints.Select(e => e.Name).ShouldBe([ResourceNames.GrpcEndpoint, ResourceNames.HttpEndpoint], ignoreOrder: true);
            endpoints.ShouldAllBe(e => !e.IsProxied);
            endpoints.Single(e => e.Name == ResourceNames.GrpcEndpoint).Transport.ShouldBe("http2");
        }
    }

    /// <summary>Executables other than the orchestrator's own helpers (13.x adds a project-rebuilder per project).</summary>
    private static List<string> InfrastructureExecutables(IEnumerable<IResource> resources) =>
        resources.OfType<ExecutableResource>().Where(e => !e.GetType().Name.Contains("Rebuilder", StringComparison.Ordinal))
            .Select(e => e.Name).ToList();

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
