extern alias AgencyService;
extern alias AgreementService;
extern alias NomineeService;
extern alias NotificationService;

using Dapper;
using Grpc.Health.V1;
using Npgsql;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using NomineeServiceMarker = NomineeService::Program287g.Nominee.NomineeServiceMarker;
using NotificationServiceMarker = NotificationService::Program287g.Notification.NotificationServiceMarker;
using Program287g.LocalServers;
using Program287g.Persistence;
using Program287g.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Program287g.ServiceTests;

[Collection(ServersCollection.Name)]
public sealed class ServiceHealthTests(TestInfrastructure servers)
{
    private const string Messaging = "messaging.0001_outbox_inbox";
    private const string Audit = "audit.0001_audit_log";
    private readonly TestTokens _tokens = new();

    [Fact]
    public Task The_agency_service_serves_once_its_database_is_migrated_and_the_broker_answers() =>
        ServesWithoutATokenAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, ["0001_agencies", "0002_versions_and_search", "0003_change_notifications", "0004_contact_addresses", Audit, Messaging]);

    [Fact]
    public Task The_agreement_service_serves_once_its_database_is_migrated_and_the_broker_answers() =>
        ServesWithoutATokenAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, ["0001_agreements", "0002_statistics_notifications", "0003_agency_copies", "0004_document_hashes", "0005_renewals", "0006_list_agreements", "0007_covered_agencies", Audit, Messaging]);

    [Fact]
    public Task The_nominee_service_serves_once_its_database_is_migrated_and_the_broker_answers() =>
        ServesWithoutATokenAsync<NomineeServiceMarker>(ResourceNames.NomineeDatabase, ["0001_nominees", Audit, Messaging]);

    [Fact]
    public async Task The_notification_service_serves_once_its_database_is_migrated_and_the_broker_answers() =>
        await ServesWithoutATokenAsync<NotificationServiceMarker>(ResourceNames.NotificationDatabase, ["0001_notifications", "0002_mailbox", Audit, Messaging],
            new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.Smtp}"] = (await servers.SmtpAsync()).ConnectionString });

    private async Task ServesWithoutATokenAsync<TMarker>(string database, string[] expectedMigrations,
        IReadOnlyDictionary<string, string?>? settings = null) where TMarker : class
    {
        await using var service = await servers.StartServiceAsync<TMarker>(database, _tokens, settings);

        // grpc.health.v1 is a probe: it answers without a bearer token.
        var response = await new Health.HealthClient(service.Channel()).CheckAsync(new HealthCheckRequest());
        response.Status.ShouldBe(ServingStatus.Serving);

        var connectionString = service.Services.GetRequiredService<IConfiguration>().GetConnectionString(database);
        await using var connection = new NpgsqlConnection(connectionString);
        (await connection.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id")).ShouldBe(expectedMigrations);
    }

    [Fact]
    public async Task A_service_whose_broker_is_unreachable_reports_not_serving()
    {
        var deadBroker = $"amqp://nobody:nothing@127.0.0.1:{FreePort.Next()}/";
        await using var service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens,
            new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.Messaging}"] = deadBroker }, waitUntilServing: false);

        // Give the database side every chance to be ready, so only the broker can be what is missing.
        await Eventually.ReturnsAsync(() => Task.FromResult(service.Services.GetRequiredService<MigrationState>().Completed),
            completed => completed, TimeSpan.FromSeconds(30));
        (await service.HealthAsync()).ShouldBe(ServingStatus.NotServing);
    }

    [Fact]
    public async Task A_service_whose_database_is_unreachable_reports_not_serving()
    {
        var deadDatabase = $"Host=127.0.0.1;Port={FreePort.Next()};Username=nobody;Password=nothing;Database=none;Timeout=2";
        await using var service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens,
            new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.AgencyDatabase}"] = deadDatabase }, waitUntilServing: false);

        (await service.HealthAsync()).ShouldBe(ServingStatus.NotServing);
        service.Services.GetRequiredService<MigrationState>().Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task Migrations_are_applied_once_however_often_the_service_starts()
    {
        var database = await servers.CreateDatabaseAsync(ResourceNames.AgencyDatabase);
        var sameDatabase = new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.AgencyDatabase}"] = database };

        await using (var first = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens, sameDatabase))
        {
            // The shared tables (messaging, audit) first, then the service's own.
            first.Services.GetRequiredService<MigrationState>().Applied.ShouldBe([Messaging, Audit, "0001_agencies", "0002_versions_and_search", "0003_change_notifications", "0004_contact_addresses"]);
        }
        await using var second = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens, sameDatabase);
        second.Services.GetRequiredService<MigrationState>().Applied.ShouldBeEmpty();

        await using var connection = new NpgsqlConnection(database);
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations")).ShouldBe(6);
    }
}
