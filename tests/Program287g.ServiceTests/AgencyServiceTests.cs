extern alias AgencyService;

using Grpc.Core;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using Program287g.Agency.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests;

[Collection(ServersCollection.Name)]
public sealed class AgencyServiceTests(TestInfrastructure servers) : IAsyncLifetime
{
    private readonly TestTokens _tokens = new();
    private ServiceFactory<AgencyServiceMarker> _service = null!;

    public async Task InitializeAsync() =>
        _service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Client(string? token) => new(_service.Channel(token));

    private static RegisterAgencyRequest Harris(string name = "Harris County Sheriff's Office", string state = "Texas") => new()
    {
        Name = name,
        State = state,
        Type = AgencyType.County,
        Kind = AgencyKind.SheriffsOffice,
        County = "Harris",
        AgencyHead = "Sheriff Ed Gonzalez",
        PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
    };

    [Fact]
    public async Task Registering_an_agency_stores_it_with_its_state_as_a_USPS_code()
    {
        var registered = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris(state: "TEXAS"))).Agency;

        registered.State.ShouldBe("TX");
        Guid.TryParse(registered.AgencyId, out _).ShouldBeTrue();
        var read = (await Client(_tokens.Staff()).GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId })).Agency;
        read.ShouldBe(registered);
        read.PointOfContact.Email.ShouldBe("jo.doe@example.gov");
        read.Kind.ShouldBe(AgencyKind.SheriffsOffice);
    }

    [Fact]
    public async Task Registering_the_same_agency_again_in_another_spelling_is_refused_naming_the_existing_one()
    {
        var first = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Dallas County Sheriff's Office", "TX"))).Agency;

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.Internal()).RegisterAgencyAsync(Harris("  DALLAS county sheriff’s office ", "texas")).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        refusal.Resource()!.ResourceName.ShouldBe(first.AgencyId);
        refusal.Status.Detail.ShouldContain(first.AgencyId);
    }

    [Fact]
    public async Task A_registration_records_one_agency_registered_event_and_the_outbox_publishes_it()
    {
        var registered = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Polk County Sheriff's Office", "FL"))).Agency;
        await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.Staff()).RegisterAgencyAsync(Harris("POLK COUNTY SHERIFF'S OFFICE", "FL")).ResponseAsync);

        var database = _service.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgencyDatabase);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        const string events = """
            SELECT count(*) FROM outbox_messages
            WHERE message_type LIKE 'Program287g.Contracts.Agency.AgencyRegistered,%' AND body->>'AgencyId' = @id
            """;
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, events, new { id = registered.AgencyId })).ShouldBe(1);
        await Eventually.ReturnsAsync(() => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, events + " AND sent_at IS NOT NULL",
            new { id = registered.AgencyId }), sent => sent == 1, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_same_name_in_another_state_is_another_agency()
    {
        var texas = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Jackson County Sheriff's Office", "TX"))).Agency;
        var georgia = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Jackson County Sheriff's Office", "Georgia"))).Agency;
        georgia.AgencyId.ShouldNotBe(texas.AgencyId);
        georgia.State.ShouldBe("GA");
    }

    [Fact]
    public async Task Every_bad_field_of_a_registration_is_named_in_the_error()
    {
        var request = new RegisterAgencyRequest { Name = "", State = "Narnia", PointOfContact = new PointOfContact { Email = "nope" } };

        var refusal = await Should.ThrowAsync<RpcException>(() => Client(_tokens.Staff()).RegisterAgencyAsync(request).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["name", "state", "type", "kind", "point_of_contact.name", "point_of_contact.email"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() => Client(null).RegisterAgencyAsync(Harris("Anon County Sheriff's Office")).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var forged = new TestTokens().Staff();
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(forged).GetAgencyAsync(new GetAgencyRequest { AgencyId = Guid.NewGuid().ToString() }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.Expired()).GetAgencyAsync(new GetAgencyRequest { AgencyId = Guid.NewGuid().ToString() }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task An_agency_user_may_not_register_agencies()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.AgencyUser(Guid.NewGuid().ToString())).RegisterAgencyAsync(Harris("Self County Sheriff's Office")).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_agency_user_reads_its_own_agency_but_not_another()
    {
        var own = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Collier County Sheriff's Office", "FL"))).Agency;
        var other = (await Client(_tokens.Staff()).RegisterAgencyAsync(Harris("Lee County Sheriff's Office", "FL"))).Agency;
        var user = Client(_tokens.AgencyUser(own.AgencyId));

        (await user.GetAgencyAsync(new GetAgencyRequest { AgencyId = own.AgencyId })).Agency.Name.ShouldBe(own.Name);
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            user.GetAgencyAsync(new GetAgencyRequest { AgencyId = other.AgencyId }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Reading_an_agency_that_does_not_exist_is_not_found()
    {
        var id = Guid.NewGuid().ToString();
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.Staff()).GetAgencyAsync(new GetAgencyRequest { AgencyId = id }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        refusal.Resource()!.ResourceName.ShouldBe(id);
    }

    [Fact]
    public async Task A_malformed_agency_id_is_an_invalid_argument_naming_the_field()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Client(_tokens.Staff()).GetAgencyAsync(new GetAgencyRequest { AgencyId = "not-a-uuid" }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["agency_id"]);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_agency_create_it_once()
    {
        var client = Client(_tokens.Staff());
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await client.RegisterAgencyAsync(Harris("Race County Sheriff's Office", "OK"))).Agency.AgencyId;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
            {
                return null;
            }
        }));
        attempts.Count(id => id is not null).ShouldBe(1);
    }
}
