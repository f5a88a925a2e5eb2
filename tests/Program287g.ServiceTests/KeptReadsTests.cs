extern alias AgencyService;
extern alias AgreementService;

using Google.Protobuf.WellKnownTypes;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.ServiceTests.Agreements;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;

namespace Program287g.ServiceTests;

/// <summary>GetAgency and GetStatistics answer from memory until what they read changes: the instance that wrote sees
/// its write at once, another instance on the same database as soon as PostgreSQL's notification reaches it, and a
/// change made in the database by anyone at all is noticed too (a trigger notifies, not the service's code).</summary>
[Collection(ServersCollection.Name)]
public sealed class KeptReadsTests(TestInfrastructure servers) : IAsyncLifetime
{
    private static readonly TimeSpan Notified = TimeSpan.FromSeconds(5);
    private AgreementSystem _system = null!;

    public async Task InitializeAsync() => _system = await AgreementSystem.StartAsync(servers);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task An_agency_updated_through_one_instance_is_read_fresh_there_at_once_and_soon_through_another()
    {
        await using var other = await SecondInstanceAsync<AgencyServiceMarker>(_system.AgencyHost, ResourceNames.AgencyDatabase);
        var otherAgencies = new Program287g.Agency.V1.AgencyService.AgencyServiceClient(other.Channel(_system.Tokens.Staff()));
        var agency = await _system.RegisterAgencyAsync();
        var get = new GetAgencyRequest { AgencyId = agency.AgencyId };
        (await _system.Agencies().GetAgencyAsync(get)).Agency.Name.ShouldBe(agency.Name); // now kept by both
        (await otherAgencies.GetAgencyAsync(get)).Agency.Name.ShouldBe(agency.Name);

        var renamed = $"{agency.Name} (renamed)";
        await _system.Agencies().UpdateAgencyAsync(new UpdateAgencyRequest
        {
            AgencyId = agency.AgencyId, Version = agency.Version, Name = renamed, State = agency.State, Type = agency.Type,
            Kind = agency.Kind, County = agency.County, AgencyHead = agency.AgencyHead, PointOfContact = agency.PointOfContact,
        });

        (await _system.Agencies().GetAgencyAsync(get)).Agency.Name.ShouldBe(renamed);
        var seenElsewhere = await Eventually.ReturnsAsync(async () => (await otherAgencies.GetAgencyAsync(get)).Agency,
            read => read.Name == renamed, Notified);
        seenElsewhere.Version.ShouldBe(agency.Version + 1);
    }

    [Fact]
    public async Task An_agency_changed_in_the_database_by_someone_else_is_not_served_stale()
    {
        var agency = await _system.RegisterAgencyAsync();
        var get = new GetAgencyRequest { AgencyId = agency.AgencyId };
        (await _system.Agencies().GetAgencyAsync(get)).Agency.PointOfContact.Email.ShouldBe("jo.contact@example.gov");

        await ExecuteAsync(_system.AgencyHost, ResourceNames.AgencyDatabase,
            "UPDATE agencies SET contact_email = 'new.contact@example.gov', version = version + 1 WHERE id = @id::uuid", agency.AgencyId);

        var read = await Eventually.ReturnsAsync(async () => (await _system.Agencies().GetAgencyAsync(get)).Agency,
            fresh => fresh.PointOfContact.Email == "new.contact@example.gov", Notified);
        read.Version.ShouldBe(agency.Version + 1);
    }

    [Fact]
    public async Task Statistics_follow_an_agreement_signed_through_another_instance()
    {
        await using var other = await SecondInstanceAsync<AgreementServiceMarker>(_system.AgreementHost, ResourceNames.AgreementDatabase,
            new Dictionary<string, string?>
            {
                [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = _system.AgencyHost.Address.ToString(),
                ["Messaging:Consumers:EndpointPrefix"] = $"agreement-{Guid.NewGuid():N}",
            });
        var otherAgreements = new Program287g.Agreement.V1.AgreementService.AgreementServiceClient(other.Channel(_system.Tokens.Staff()));
        var before = await otherAgreements.GetStatisticsAsync(new GetStatisticsRequest());
        (await otherAgreements.GetStatisticsAsync(new GetStatisticsRequest())).TotalAgreements.ShouldBe(before.TotalAgreements);

        await _system.ActiveAsync(Model.Jem, "ID"); // through the first instance, signed five days ago

        (await _system.Agreements().GetStatisticsAsync(new GetStatisticsRequest())).TotalAgreements.ShouldBe(before.TotalAgreements + 1);
        await Eventually.ReturnsAsync(() => otherAgreements.GetStatisticsAsync(new GetStatisticsRequest()).ResponseAsync,
            after => after.TotalAgreements == before.TotalAgreements + 1, Notified);
        // The moment before the signing still counts as it did: a window kept for "now" is not taken for the past.
        var sixDaysAgo = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-6));
        (await otherAgreements.GetStatisticsAsync(new GetStatisticsRequest { AsOf = sixDaysAgo })).TotalAgreements
            .ShouldBe(before.TotalAgreements);
    }

    [Fact]
    public async Task Statistics_on_either_side_of_a_termination_to_come_differ_however_often_they_are_asked()
    {
        var agreement = await _system.ActiveAsync(Model.Tfm, "WY");
        var noticeDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1); // yesterday wherever in the US it is
        var effective = noticeDate.AddDays(30);
        await _system.Agreements().TerminateAgreementAsync(new TerminateAgreementRequest
        {
            AgreementId = agreement.AgreementId, NoticeGivenBy = Party.Ice,
            NoticeDate = AgreementSystem.Date(noticeDate.Year, noticeDate.Month, noticeDate.Day),
            EffectiveOn = AgreementSystem.Date(effective.Year, effective.Month, effective.Day),
        });
        var later = Timestamp.FromDateTime(effective.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        for (var round = 0; round < 3; round++)
        {
            var now = await _system.Agreements().GetStatisticsAsync(new GetStatisticsRequest());
            var afterwards = await _system.Agreements().GetStatisticsAsync(new GetStatisticsRequest { AsOf = later });
            now.Models.Single(m => m.Model == Model.Tfm).Agreements
                .ShouldBe(afterwards.Models.SingleOrDefault(m => m.Model == Model.Tfm)?.Agreements + 1 ?? 1, $"round {round}");
        }
    }

    /// <summary>Another instance of a service on the first one's database.</summary>
    private async Task<ServiceFactory<TMarker>> SecondInstanceAsync<TMarker>(ServiceFactory<TMarker> first, string database,
        Dictionary<string, string?>? settings = null) where TMarker : class
    {
        settings ??= [];
        settings[$"ConnectionStrings:{database}"] = ConnectionString(first, database);
        return await servers.StartServiceAsync<TMarker>(database, _system.Tokens, settings);
    }

    private static string ConnectionString<TMarker>(ServiceFactory<TMarker> host, string database) where TMarker : class =>
        host.Services.GetRequiredService<IConfiguration>().GetConnectionString(database)!;

    private static async Task ExecuteAsync<TMarker>(ServiceFactory<TMarker> host, string database, string sql, string id)
        where TMarker : class
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString(host, database));
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, new { id });
    }
}
