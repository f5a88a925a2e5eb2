extern alias AgencyService;
extern alias AgreementService;
extern alias NomineeService;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using NomineeServiceMarker = NomineeService::Program287g.Nominee.NomineeServiceMarker;

namespace Program287g.Benchmarks.Writes;

/// <summary>The real Agency, Agreement and Nominee services, hosted in-process on real sockets exactly as the service
/// tests host them (tests/Program287g.ServiceTests/Nominees/NomineeSystem.cs), each on its own fresh database, finding
/// each other through service discovery. Everything is on; only their logging is turned down.</summary>
public sealed class RealServices(TestTokens tokens, ServiceFactory<AgencyServiceMarker> agency,
    ServiceFactory<AgreementServiceMarker> agreement, ServiceFactory<NomineeServiceMarker> nominee) : IAsyncDisposable
{
    public static async Task<RealServices> StartAsync(TestInfrastructure servers)
    {
        var tokens = new TestTokens();
        var run = Guid.NewGuid().ToString("N")[..8];
        var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, tokens,
            BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-agency-{run}")));
        var agreement = await servers.StartServiceAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, tokens,
            BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-agreement-{run}"),
                ($"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0", agency.Address.ToString())));
        var nominee = await servers.StartServiceAsync<NomineeServiceMarker>(ResourceNames.NomineeDatabase, tokens,
            BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-nominee-{run}"),
                ($"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0", agency.Address.ToString()),
                ($"services:{ResourceNames.AgreementService}:{ResourceNames.GrpcEndpoint}:0", agreement.Address.ToString())));
        return new RealServices(tokens, agency, agreement, nominee);
    }

    public string StaffToken => tokens.Staff();

    public Uri AgencyAddress => agency.Address;

    public Uri AgreementAddress => agreement.Address;

    public Uri NomineeAddress => nominee.Address;

    /// <summary>The Agreement service's own database, for seeding it directly.</summary>
    public string AgreementDatabase =>
        agreement.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgreementDatabase)!;

    /// <summary>Waits until the outbox dispatchers have published everything, so that one measurement's events are not
    /// still being published during the next.</summary>
    public async Task WaitForOutboxesAsync()
    {
        foreach (var (services, name) in new[]
        {
            (agency.Services, ResourceNames.AgencyDatabase), (agreement.Services, ResourceNames.AgreementDatabase),
            (nominee.Services, ResourceNames.NomineeDatabase),
        })
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            if (!configuration.GetValue("Messaging:Outbox:DispatchEnabled", true))
            {
                continue; // nothing would drain it (Messaging__Outbox__DispatchEnabled=false, to see what dispatching costs)
            }
            var database = configuration.GetConnectionString(name);
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var unsent = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
            await Eventually.ReturnsAsync(async () => (long)(await unsent.ExecuteScalarAsync())!, count => count == 0, TimeSpan.FromMinutes(5));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await nominee.DisposeAsync();
        await agreement.DisposeAsync();
        await agency.DisposeAsync();
    }
}
