extern alias AgencyService;

using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

[Collection(ServersCollection.Name)]
public sealed class ServiceDiscoveryTests(TestInfrastructure servers)
{
    [Fact]
    public async Task A_service_finds_another_by_its_resource_name_and_calls_it_as_an_internal_system()
    {
        var tokens = new TestTokens();
        await using var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, tokens);
        var registered = (await new Program287g.Agency.V1.AgencyService.AgencyServiceClient(agency.Channel(tokens.Staff()))
            .RegisterAgencyAsync(new RegisterAgencyRequest
            {
                Name = "Discovery Police Department", State = "OR", Type = AgencyType.Municipality,
                Kind = AgencyKind.PoliceDepartment, PointOfContact = new PointOfContact { Name = "A B", Email = "a.b@example.gov" },
            })).Agency;
        await using var caller = CallingService(agency.Address, tokens.SigningKey);

        // Found by name: what the AppHost's WithReference(agency) hands a caller.
        (await caller.GetRequiredService<Health.HealthClient>().CheckAsync(new HealthCheckRequest())).Status
            .ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        // Authorized without anyone passing a token: the client adds the caller's own internal-system token.
        var read = await caller.GetRequiredService<Program287g.Agency.V1.AgencyService.AgencyServiceClient>()
            .GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId });
        read.Agency.AgencyId.ShouldBe(registered.AgencyId);
    }

    /// <summary>What another service's container holds: its configuration, the shared signing key, discovery and the clients.</summary>
    private static ServiceProvider CallingService(Uri agencyAddress, string signingKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = agencyAddress.ToString(),
            ["Auth:SigningKey"] = signingKey,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ApplicationName = "test-caller" })
            .AddLogging()
            .AddServiceDiscovery();
        services.AddOptions<TokenSettings>().Bind(configuration.GetSection(TokenSettings.SectionName));
        services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        services.AddServiceGrpcClient<Health.HealthClient>(ResourceNames.AgencyService);
        services.AddServiceGrpcClient<Program287g.Agency.V1.AgencyService.AgencyServiceClient>(ResourceNames.AgencyService,
            "program287g.agency.v1.AgencyService/GetAgency");
        return services.BuildServiceProvider();
    }
}
