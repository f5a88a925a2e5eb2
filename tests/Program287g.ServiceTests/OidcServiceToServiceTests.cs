extern alias AgencyService;
extern alias AgreementService;

using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests;

/// <summary>The Agreement service asks the Agency service about agencies as an internal system; trusting an OpenID
/// Connect issuer, it does so with a client-credentials token from that issuer's token endpoint.</summary>
[Collection(ServersCollection.Name)]
public sealed class OidcServiceToServiceTests(TestInfrastructure servers)
{
    private const string ClientId = "program287g-agreement";
    private const string ClientSecret = "agreement-secret-for-the-test";
    private static readonly Dictionary<string, object> Staff = new() { ["sub"] = "staff@ice", ["role"] = Roles.ProgramStaff };

    [Fact]
    public async Task The_Agreement_service_calls_the_Agency_service_with_a_client_credentials_token_it_keeps_between_calls()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        issuer.RegisterClient(ClientId, ClientSecret, new Dictionary<string, object> { ["role"] = Roles.InternalSystem });
        await using var agency = await StartAgencyAsync(issuer);
        await using var agreement = await StartAgreementAsync(issuer, agency, ClientSecret);
        var staff = issuer.Token(Staff);
        var registered = await RegisterAsync(agency, staff);
        var agreements = new Program287g.Agreement.V1.AgreementService.AgreementServiceClient(agreement.Channel(staff));

        var application = (await agreements.SubmitApplicationAsync(Application(registered.AgencyId))).Agreement;
        // An agency nobody has heard of is asked of the Agency service, which can only say NOT_FOUND to a caller it
        // authenticated and authorized.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var unknown = Guid.NewGuid().ToString();
            var refusal = await Should.ThrowAsync<RpcException>(() => agreements.SubmitApplicationAsync(Application(unknown)).ResponseAsync);
            refusal.StatusCode.ShouldBe(StatusCode.NotFound);
            refusal.Resource()!.ResourceName.ShouldBe(unknown);
        }

        application.Agency.Name.ShouldBe(registered.Name);
        issuer.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task A_service_whose_client_the_issuer_refuses_is_unavailable_for_what_needs_another_service()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        issuer.RegisterClient(ClientId, ClientSecret, new Dictionary<string, object> { ["role"] = Roles.InternalSystem });
        await using var agency = await StartAgencyAsync(issuer);
        await using var agreement = await StartAgreementAsync(issuer, agency, "not-the-secret");
        var agreements = new Program287g.Agreement.V1.AgreementService.AgreementServiceClient(agreement.Channel(issuer.Token(Staff)));

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            agreements.SubmitApplicationAsync(Application(Guid.NewGuid().ToString())).ResponseAsync);

        // Not NOT_FOUND: the Agency service was never asked. Nothing of why reaches the caller (it is logged).
        refusal.StatusCode.ShouldBe(StatusCode.Unavailable);
        refusal.Status.Detail.ShouldNotContain(ClientId);
        issuer.TokenRequests.ShouldBeGreaterThan(0);
    }

    private Task<ServiceFactory<AgencyServiceMarker>> StartAgencyAsync(TestOidcIssuer issuer) =>
        servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, new TestTokens(),
            issuer.ServiceSettings(ClaimNames.Role, ClaimNames.AgencyId));

    private Task<ServiceFactory<AgreementServiceMarker>> StartAgreementAsync(TestOidcIssuer issuer,
        ServiceFactory<AgencyServiceMarker> agency, string secret)
    {
        var settings = issuer.ServiceSettings(ClaimNames.Role, ClaimNames.AgencyId);
        settings[$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = agency.Address.ToString();
        settings["Messaging:Consumers:EndpointPrefix"] = $"agreement-{Guid.NewGuid():N}";
        settings["Auth:ClientId"] = ClientId;
        settings["Auth:ClientSecret"] = secret;
        return servers.StartServiceAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, new TestTokens(), settings);
    }

    private static async Task<Program287g.Agency.V1.Agency> RegisterAsync(ServiceFactory<AgencyServiceMarker> agency, string token) =>
        (await new Program287g.Agency.V1.AgencyService.AgencyServiceClient(agency.Channel(token)).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Calling County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, County = "Calling", AgencyHead = "Sheriff Pat Example",
            PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
        })).Agency;
}
