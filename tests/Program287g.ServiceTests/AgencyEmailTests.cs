extern alias AgencyService;

using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

/// <summary>FindAgenciesByEmail: the agencies an address belongs to, as the program mailbox asks it of a sender.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyEmailTests(TestInfrastructure servers) : IAsyncLifetime
{
    private readonly TestTokens _tokens = new();
    private ServiceFactory<AgencyServiceMarker> _service = null!;

    public async Task InitializeAsync() =>
        _service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Client(string? token = null) => new(_service.Channel(token ?? _tokens.Internal()));

    private async Task<Agency.V1.Agency> RegisterAsync(string name, string contactEmail) =>
        (await Client().RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name, State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice, County = "Test",
            AgencyHead = "Sheriff Pat Example", PointOfContact = new PointOfContact { Name = "Jo Doe", Email = contactEmail },
        })).Agency;

    [Fact]
    public async Task An_address_finds_the_agency_whose_contact_it_is_and_the_others_writing_from_its_domain()
    {
        var brazos = await RegisterAsync("Brazos County Sheriff's Office", "Jo.Doe@Brazos.example.gov");
        var constable = await RegisterAsync("Brazos County Constable Precinct 1", "clerk@brazos.example.gov");
        await RegisterAsync("Travis County Sheriff's Office", "jo.doe@travis.example.gov");

        var found = await Client().FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = "jo.doe@BRAZOS.example.gov" });

        found.SameAddress.Select(a => a.AgencyId).ShouldBe([brazos.AgencyId]);
        found.SameDomain.Select(a => a.AgencyId).ShouldBe([constable.AgencyId]);
        found.Domain.ShouldBe("brazos.example.gov");
        found.FreeMailDomain.ShouldBeFalse();
        var deputy = await Client().FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = "deputy@brazos.example.gov" });
        deputy.SameAddress.ShouldBeEmpty();
        deputy.SameDomain.Select(a => a.Name).ShouldBe(["Brazos County Constable Precinct 1", "Brazos County Sheriff's Office"]);
    }

    [Fact]
    public async Task A_free_mail_domain_says_nothing_about_the_agency()
    {
        var agency = await RegisterAsync($"Free Mail County {Guid.NewGuid():N} Sheriff's Office", "sheriff.office@gmail.com");
        await RegisterAsync($"Other County {Guid.NewGuid():N} Sheriff's Office", "another.office@gmail.com");

        var own = await Client().FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = "sheriff.office@gmail.com" });
        var stranger = await Client().FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = "somebody@gmail.com" });

        own.SameAddress.ShouldHaveSingleItem().AgencyId.ShouldBe(agency.AgencyId);
        own.SameDomain.ShouldBeEmpty();
        stranger.SameAddress.ShouldBeEmpty();
        stranger.SameDomain.ShouldBeEmpty();
        stranger.FreeMailDomain.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    public async Task A_bad_address_is_invalid_argument_naming_email(string email)
    {
        var error = await Should.ThrowAsync<RpcException>(() =>
            Client().FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = email }).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.BadFields().ShouldBe(["email"]);
    }

    [Fact]
    public async Task An_agency_user_may_not_look_up_addresses()
    {
        var agency = await RegisterAsync($"Lookup County {Guid.NewGuid():N} Sheriff's Office", "lookup@lookup.example.gov");

        var error = await Should.ThrowAsync<RpcException>(() => Client(_tokens.AgencyUser(agency.AgencyId))
            .FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = "lookup@lookup.example.gov" }).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }
}
