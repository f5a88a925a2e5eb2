extern alias AgencyService;

using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

/// <summary>UpdateAgency, ListAgencies and SearchAgencies over a directory of its own.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyDirectoryTests(TestInfrastructure servers) : IAsyncLifetime
{
    private readonly TestTokens _tokens = new();
    private ServiceFactory<AgencyServiceMarker> _service = null!;

    public async Task InitializeAsync() =>
        _service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Client(string token) => new(_service.Channel(token));

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Staff => Client(_tokens.Staff());

    private async Task<Program287g.Agency.V1.Agency> RegisterAsync(string name, string state,
        AgencyType type = AgencyType.County, AgencyKind kind = AgencyKind.SheriffsOffice) =>
        (await Staff.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name, State = state, Type = type, Kind = kind,
            PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
        })).Agency;

    private static UpdateAgencyRequest UpdateOf(Program287g.Agency.V1.Agency agency) => new()
    {
        AgencyId = agency.AgencyId, Version = agency.Version, Name = agency.Name, State = agency.State, Type = agency.Type,
        Kind = agency.Kind, County = agency.County, AgencyHead = agency.AgencyHead, PointOfContact = agency.PointOfContact.Clone(),
    };

    [Fact]
    public async Task An_update_replaces_the_details_and_moves_the_version_on()
    {
        var agency = await RegisterAsync("Bexar County Sheriff's Office", "TX");
        var update = UpdateOf(agency);
        update.PointOfContact.Email = "new.contact@example.gov";
        update.AgencyHead = "Sheriff Javier Salazar";

        var updated = (await Staff.UpdateAgencyAsync(update)).Agency;

        updated.Version.ShouldBe(agency.Version + 1);
        updated.PointOfContact.Email.ShouldBe("new.contact@example.gov");
        (await Staff.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId })).Agency.ShouldBe(updated);
        var database = _service.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgencyDatabase);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, """
            SELECT count(*) FROM outbox_messages
            WHERE message_type LIKE 'Program287g.Contracts.Agency.AgencyUpdated,%'
              AND body->>'AgencyId' = @id AND (body->>'Version')::bigint = 2 AND body->>'ContactEmail' = 'new.contact@example.gov'
            """, new { id = agency.AgencyId })).ShouldBe(1);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_aborted_and_changes_nothing()
    {
        var agency = await RegisterAsync("Travis County Sheriff's Office", "TX");
        await Staff.UpdateAgencyAsync(UpdateOf(agency));
        var stale = UpdateOf(agency);
        stale.AgencyHead = "Someone Else";

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.UpdateAgencyAsync(stale).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.Aborted);
        refusal.Status.Detail.ShouldContain("version 2");
        (await Staff.GetAgencyAsync(new GetAgencyRequest { AgencyId = agency.AgencyId })).Agency.AgencyHead.ShouldBe("");
    }

    [Fact]
    public async Task Renaming_onto_another_agency_in_the_state_is_refused_naming_it()
    {
        var taken = await RegisterAsync("El Paso County Sheriff's Office", "TX");
        var other = await RegisterAsync("Hidalgo County Sheriff's Office", "TX");
        var rename = UpdateOf(other);
        rename.Name = "EL PASO COUNTY SHERIFFS OFFICE";

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.UpdateAgencyAsync(rename).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        refusal.Resource()!.ResourceName.ShouldBe(taken.AgencyId);
    }

    [Fact]
    public async Task An_agency_user_updates_its_own_agency_only()
    {
        var own = await RegisterAsync("Smith County Sheriff's Office", "TX");
        var other = await RegisterAsync("Gregg County Sheriff's Office", "TX");
        var user = Client(_tokens.AgencyUser(own.AgencyId));

        (await user.UpdateAgencyAsync(UpdateOf(own))).Agency.Version.ShouldBe(2);
        (await Should.ThrowAsync<RpcException>(() => user.UpdateAgencyAsync(UpdateOf(other)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_update_names_every_bad_field_and_an_unknown_agency_is_not_found()
    {
        var bad = new UpdateAgencyRequest { AgencyId = "nope", Version = 0, Name = "", State = "Atlantis" };
        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.UpdateAgencyAsync(bad).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["agency_id", "version", "name", "state", "type", "kind", "point_of_contact"], ignoreOrder: true);

        var ghost = UpdateOf(await RegisterAsync("Ghost County Sheriff's Office", "NM"));
        ghost.AgencyId = Guid.NewGuid().ToString();
        (await Should.ThrowAsync<RpcException>(() => Staff.UpdateAgencyAsync(ghost).ResponseAsync)).StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_pages_through_every_agency_once_in_name_order_with_filters()
    {
        string[] names = ["Alpha PD", "Bravo PD", "Charlie PD", "Delta PD", "Echo PD", "Foxtrot PD", "Golf PD"];
        foreach (var name in names)
        {
            await RegisterAsync(name, "Wyoming", AgencyType.Municipality, AgencyKind.PoliceDepartment);
        }
        await RegisterAsync("Alpha County Sheriff's Office", "Montana");

        var seen = new List<string>();
        var pages = 0;
        var request = new ListAgenciesRequest { PageSize = 3, State = "wyoming", Type = AgencyType.Municipality };
        do
        {
            var page = await Staff.ListAgenciesAsync(request);
            seen.AddRange(page.Agencies.Select(a => a.Name));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken != "");

        seen.ShouldBe(names);
        pages.ShouldBe(3);
    }

    [Fact]
    public async Task A_page_token_is_only_good_for_the_filters_it_was_issued_for()
    {
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync($"Token Test {i} PD", "Vermont", AgencyType.Municipality, AgencyKind.PoliceDepartment);
        }
        var first = await Staff.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 1, State = "VT" });

        var replayed = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 1, State = "TX", PageToken = first.NextPageToken }).ResponseAsync);
        replayed.BadFields().ShouldBe(["page_token"]);
        var forged = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListAgenciesAsync(new ListAgenciesRequest { PageToken = "not a token" }).ResponseAsync);
        forged.BadFields().ShouldBe(["page_token"]);
        var tooBig = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListAgenciesAsync(new ListAgenciesRequest { PageSize = 501 }).ResponseAsync);
        tooBig.BadFields().ShouldBe(["page_size"]);
    }

    [Fact]
    public async Task Listing_and_searching_are_for_staff_and_internal_systems()
    {
        var user = Client(_tokens.AgencyUser(Guid.NewGuid().ToString()));
        (await Should.ThrowAsync<RpcException>(() => user.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Should.ThrowAsync<RpcException>(() => user.SearchAgenciesAsync(new SearchAgenciesRequest { Query = "x" }).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Client(_tokens.Internal()).ListAgenciesAsync(new ListAgenciesRequest())).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Harris County Sheriff's Office")]
    [InlineData("harris county sherif office")]
    [InlineData("HARRIS CO SHERIFFS OFFICE")]
    [InlineData("Harris County")]
    public async Task Search_finds_an_agency_under_misspellings_and_variants_of_its_name(string query)
    {
        var harris = await RegisterOnceAsync("Harris County Sheriff's Office", "TX");
        await RegisterOnceAsync("Harrison County Sheriff's Office", "TX");
        await RegisterOnceAsync("Houston Police Department", "TX");

        var matches = (await Staff.SearchAgenciesAsync(new SearchAgenciesRequest { Query = query, State = "Texas" })).Matches;

        matches.ShouldNotBeEmpty();
        matches[0].Agency.AgencyId.ShouldBe(harris.AgencyId);
        matches.ShouldNotContain(m => m.Agency.Name == "Houston Police Department");
        matches.Select(m => m.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task An_empty_search_is_an_invalid_argument()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Staff.SearchAgenciesAsync(new SearchAgenciesRequest { Query = " ;; ", Limit = 101 }).ResponseAsync);
        refusal.BadFields().ShouldBe(["query", "limit"], ignoreOrder: true);
    }

    private async Task<Program287g.Agency.V1.Agency> RegisterOnceAsync(string name, string state)
    {
        try
        {
            return await RegisterAsync(name, state);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
        {
            return (await Staff.GetAgencyAsync(new GetAgencyRequest { AgencyId = exception.Resource()!.ResourceName })).Agency;
        }
    }
}
