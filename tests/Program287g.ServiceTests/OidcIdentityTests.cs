extern alias AgencyService;

using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

/// <summary>The Agency service outside Development, trusting a real OpenID Connect issuer served by the test (its
/// discovery document, JWKS and keys), with role and agency under claim names of the issuer's choosing.</summary>
public sealed class OidcAgencyFixture(TestInfrastructure servers) : IAsyncLifetime
{
    public const string RoleClaim = "program287g_roles";
    public const string AgencyClaim = "program287g_agency";

    public TestOidcIssuer Issuer { get; private set; } = null!;
    public TestSigningKey EcKey { get; private set; } = null!;
    public ServiceFactory<AgencyServiceMarker> Agency { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        EcKey = Issuer.Publish(TestSigningKey.EcdsaP256());
        Agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, new TestTokens(),
            Issuer.ServiceSettings(RoleClaim, AgencyClaim));
    }

    public async Task DisposeAsync()
    {
        await Agency.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

[Collection(ServersCollection.Name)]
public sealed class OidcIdentityTests(OidcAgencyFixture fixture) : IClassFixture<OidcAgencyFixture>
{
    private readonly TestOidcIssuer _issuer = fixture.Issuer;

    private static Dictionary<string, object> Staff => new() { ["sub"] = "staff@ice", [OidcAgencyFixture.RoleClaim] = Roles.ProgramStaff };

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Client(string token) => new(fixture.Agency.Channel(token));

    private async Task<StatusCode> StatusOfGetAgencyAsync(string token)
    {
        try
        {
            await Client(token).GetAgencyAsync(new GetAgencyRequest { AgencyId = Guid.NewGuid().ToString() });
            return StatusCode.OK;
        }
        catch (RpcException refusal)
        {
            return refusal.StatusCode;
        }
    }

    private async Task<Program287g.Agency.V1.Agency> RegisterAsync(string token) =>
        (await Client(token).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Oidc County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, County = "Oidc",
            PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
        })).Agency;

    [Fact]
    public async Task Tokens_signed_with_the_issuer_s_RSA_and_EC_keys_are_accepted()
    {
        var byRsa = await RegisterAsync(_issuer.Token(Staff));
        var byEc = _issuer.Token(Staff, key: fixture.EcKey);

        (await Client(byEc).GetAgencyAsync(new GetAgencyRequest { AgencyId = byRsa.AgencyId })).Agency.Name.ShouldBe(byRsa.Name);
        _issuer.CurrentKey.Algorithm.ShouldBe("RS256");
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(byEc).Alg.ShouldBe("ES256");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_unauthenticated()
    {
        await using var other = await TestOidcIssuer.StartAsync(_issuer.Audience);

        (await StatusOfGetAgencyAsync(other.Token(Staff))).ShouldBe(StatusCode.Unauthenticated);
        // Signed with our issuer's key, but claiming to come from elsewhere.
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, issuer: other.Authority))).ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated_beyond_the_small_clock_skew()
    {
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, expires: DateTimeOffset.UtcNow.AddMinutes(-2)))).ShouldBe(StatusCode.Unauthenticated);
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, expires: DateTimeOffset.UtcNow.AddSeconds(-5)))).ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_unauthenticated() =>
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, audience: "some-other-api"))).ShouldBe(StatusCode.Unauthenticated);

    [Fact]
    public async Task Only_RS256_and_ES256_are_accepted_even_under_a_published_key()
    {
        var published = _issuer.CurrentKey;

        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, key: published, algorithm: "RS512"))).ShouldBe(StatusCode.Unauthenticated);
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, key: TestSigningKey.SymmetricNamed(published.KeyId))))
            .ShouldBe(StatusCode.Unauthenticated);
        (await StatusOfGetAgencyAsync(_issuer.Token(Staff, key: published))).ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task A_development_token_is_unauthenticated_where_the_service_trusts_the_issuer() =>
        (await StatusOfGetAgencyAsync(new TestTokens().Staff())).ShouldBe(StatusCode.Unauthenticated);

    [Fact]
    public async Task Role_and_agency_come_from_the_configured_claims_and_an_agency_user_is_refused_another_agency_s_record()
    {
        var own = await RegisterAsync(_issuer.Token(Staff));
        var other = await RegisterAsync(_issuer.Token(Staff));
        var user = Client(_issuer.Token(new Dictionary<string, object>
        {
            ["sub"] = "officer@agency",
            [OidcAgencyFixture.RoleClaim] = new[] { "offline_access", Roles.AgencyUser },
            [OidcAgencyFixture.AgencyClaim] = own.AgencyId,
        }));

        (await user.GetAgencyAsync(new GetAgencyRequest { AgencyId = own.AgencyId })).Agency.Name.ShouldBe(own.Name);
        (await Should.ThrowAsync<RpcException>(() => user.GetAgencyAsync(new GetAgencyRequest { AgencyId = other.AgencyId }).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        // Our role under the development tokens' claim name is not where this service looks: no role, no call.
        (await StatusOfGetAgencyAsync(_issuer.Token(new Dictionary<string, object> { ["sub"] = "s", [ClaimNames.Role] = Roles.ProgramStaff })))
            .ShouldBe(StatusCode.PermissionDenied);
    }
}
