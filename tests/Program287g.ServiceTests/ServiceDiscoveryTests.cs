extern alias AgencyService;

using Grpc.Health.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

[Collection(ServersCollection.Name)]
public sealed class ServiceDiscoveryTests(TestInfrastructure servers)
{
    [Fact]
    public async Task A_service_client_finds_another_service_by_its_resource_name()
    {
        await using var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, new TestTokens());
        // What the AppHost's WithReference(agency) hands a caller: the agency's gRPC endpoint under its resource name.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = agency.Address.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddServiceDiscovery();
        services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        services.AddServiceGrpcClient<Health.HealthClient>(ResourceNames.AgencyService);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<Health.HealthClient>();

        (await client.CheckAsync(new HealthCheckRequest())).Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
    }
}
