extern alias AppHost;

using Grpc.Net.Client;
using Program287g.LocalServers;
using Program287g.Testing;

// One AppHost at a time: the single-instance system, then the two-instance one (ten processes on two cores, and the
// stable ports each picks when free).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Program287g.EndToEndTests;

/// <summary>The whole system, started once for the end-to-end tests the way the README's run command starts it,
/// with the dashboard on, its data in a throw-away folder and every port chosen free; one instance of each service,
/// or as many as <see cref="Instances"/> says (<see cref="TwoInstancesFixture"/>).</summary>
public class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"program287g-e2e-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public Uri Dashboard { get; private set; } = null!;

    public TestTokens Tokens { get; private set; } = null!;

    /// <summary>The staff console's address.</summary>
    public Uri Console { get; private set; } = null!;

    /// <summary>Instances of every service (Services:Replicas).</summary>
    public virtual int Instances => 1;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var dashboardPort = FreePort.Next();
        string[] args =
        [
            $"Infrastructure:DataDirectory={_dataDirectory}",
            "Infrastructure:Durable=false",
            $"ASPNETCORE_URLS=http://127.0.0.1:{dashboardPort}",
            $"ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
            $"ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
            "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
            $"Services:Replicas={Instances}",
        ];
        var mode = Environment.GetEnvironmentVariable("PROGRAM287G_TEST_INFRASTRUCTURE");
        if (!string.IsNullOrWhiteSpace(mode))
        {
            args = [.. args, $"Infrastructure:Mode={mode}"];
        }
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.Program287g_AppHost>(args,
            (options, _) => options.DisableDashboard = false, timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        // The testing builder randomizes ports, the dashboard's included: ask the dashboard resource where it is.
        Dashboard = App.GetEndpoint(DashboardResourceName, "http");

        await WaitForEveryInstanceHealthyAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Console, timeout.Token);
        Console = App.GetEndpoint(ResourceNames.Console, ResourceNames.HttpEndpoint);
        var signingKey = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.JwtSigningKeyParameter);
        Tokens = new TestTokens((await signingKey.GetValueAsync(timeout.Token))!);
    }

    private const string DashboardResourceName = "aspire-dashboard";

    /// <summary>Until every instance of every service reports healthy: the orchestrator names each instance a resource
    /// of its own (agency-x1y2z3), and waiting for the service's name alone is satisfied by the first.</summary>
    private async Task WaitForEveryInstanceHealthyAsync(CancellationToken cancellationToken)
    {
        var healthy = Services.ToDictionary(service => service, _ => new HashSet<string>());
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (healthy.TryGetValue(update.Resource.Name, out var instances))
            {
                if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    instances.Add(update.ResourceId);
                }
                else
                {
                    instances.Remove(update.ResourceId);
                }
            }
            if (healthy.Values.All(instances => instances.Count >= Instances))
            {
                return;
            }
        }
    }

    public static readonly string[] Services =
        [ResourceNames.AgencyService, ResourceNames.AgreementService, ResourceNames.NomineeService, ResourceNames.NotificationService];

    public GrpcChannel Channel(string service, string? bearerToken = null)
    {
        var address = App.GetEndpoint(service, ResourceNames.GrpcEndpoint);
        var options = new GrpcChannelOptions();
        if (bearerToken is not null)
        {
            options.Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.Insecure,
                Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", $"Bearer {bearerToken}");
                    return Task.CompletedTask;
                }));
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }
        return GrpcChannel.ForAddress(address, options);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}

/// <summary>The same system with two instances of every service behind the orchestrator's proxy.</summary>
public sealed class TwoInstancesFixture : AppHostFixture
{
    public override int Instances => 2;
}

[CollectionDefinition(Name)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstancesFixture>
{
    public const string Name = "apphost, two instances of every service";
}
