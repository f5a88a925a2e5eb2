extern alias AppHost;

using Grpc.Net.Client;
using Program287g.LocalServers;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>The whole system, started once for the end-to-end tests the way the README's run command starts it,
/// with the dashboard on, its data in a throw-away folder and every port chosen free.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"program287g-e2e-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public Uri Dashboard { get; private set; } = null!;

    public TestTokens Tokens { get; private set; } = null!;

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

        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
        var signingKey = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.JwtSigningKeyParameter);
        Tokens = new TestTokens((await signingKey.GetValueAsync(timeout.Token))!);
    }

    private const string DashboardResourceName = "aspire-dashboard";

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
