extern alias AgencyService;

using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

[Collection(ServersCollection.Name)]
public sealed class OidcKeyRotationTests(TestInfrastructure servers)
{
    private static readonly Dictionary<string, object> Staff = new() { ["sub"] = "staff@ice", ["role"] = Roles.ProgramStaff };

    [Fact]
    public async Task A_key_rotated_in_is_trusted_without_a_restart_and_the_key_rotated_out_no_longer_is()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, new TestTokens(),
            issuer.ServiceSettings(ClaimNames.Role, ClaimNames.AgencyId));
        var oldKey = issuer.CurrentKey;
        var registered = (await Client(agency, issuer.Token(Staff)).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = "Rotation County Sheriff's Office", State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice,
            County = "Rotation", PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
        })).Agency;
        var fetchesBefore = issuer.JwksRequests;

        var newKey = issuer.Rotate(TestSigningKey.EcdsaP256());
        // The service fetches keys for an unknown kid at most once per Auth:MinimumKeyRefreshInterval (1 s here, a
        // minute by default): let that much pass since its last fetch, as it would between two rotations.
        var due = issuer.LastJwksServedAt + TimeSpan.FromSeconds(1.1) - DateTimeOffset.UtcNow;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due);
        }

        var read = await Client(agency, issuer.Token(Staff, key: newKey)).GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId });
        read.Agency.Name.ShouldBe(registered.Name);
        issuer.JwksRequests.ShouldBeGreaterThan(fetchesBefore);
        var refusal = await Should.ThrowAsync<RpcException>(() => Client(agency, issuer.Token(Staff, key: oldKey))
            .GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    private static Program287g.Agency.V1.AgencyService.AgencyServiceClient Client<T>(ServiceFactory<T> host, string token) where T : class =>
        new(host.Channel(token));
}
