using Microsoft.IdentityModel.JsonWebTokens;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.UnitTests;

public class TokenIssuerTests
{
    private static readonly TokenSettings Settings = new() { SigningKey = new string('k', 40) };

    [Fact]
    public void An_agency_user_token_carries_its_role_and_agency()
    {
        var token = new JsonWebToken(TokenIssuer.Issue(Settings, "officer", Roles.AgencyUser, "agency-1"));
        token.GetClaim(ClaimNames.Role).Value.ShouldBe(Roles.AgencyUser);
        token.GetClaim(ClaimNames.AgencyId).Value.ShouldBe("agency-1");
        token.Issuer.ShouldBe("program287g");
        token.Audiences.ShouldBe(["program287g"]);
        token.Alg.ShouldBe("HS256");
    }

    [Fact]
    public void Role_and_agency_go_under_the_claim_names_the_settings_give()
    {
        var settings = new TokenSettings { SigningKey = new string('k', 40), RoleClaim = "roles", AgencyClaim = "agency" };

        var token = new JsonWebToken(TokenIssuer.Issue(settings, "officer", Roles.AgencyUser, "agency-1"));

        token.GetClaim("roles").Value.ShouldBe(Roles.AgencyUser);
        token.GetClaim("agency").Value.ShouldBe("agency-1");
        token.TryGetClaim(ClaimNames.Role, out _).ShouldBeFalse();
    }

    [Fact]
    public void An_agency_user_token_without_an_agency_is_refused() =>
        Should.Throw<ArgumentException>(() => TokenIssuer.Issue(Settings, "officer", Roles.AgencyUser));

    [Fact]
    public void An_unknown_role_is_refused() =>
        Should.Throw<ArgumentException>(() => TokenIssuer.Issue(Settings, "someone", "admin"))
            .Message.ShouldContain(Roles.ProgramStaff);

    [Fact]
    public void An_agency_user_may_act_only_for_its_own_agency()
    {
        var caller = new Caller("officer", Roles.AgencyUser, "A");
        Should.NotThrow(() => caller.EnsureMayActFor("a"));
        Should.Throw<Grpc.Core.RpcException>(() => caller.EnsureMayActFor("B"))
            .StatusCode.ShouldBe(Grpc.Core.StatusCode.PermissionDenied);
    }

    [Theory]
    [InlineData(Roles.ProgramStaff)]
    [InlineData(Roles.InternalSystem)]
    public void Staff_and_internal_systems_may_act_for_any_agency(string role) =>
        Should.NotThrow(() => new Caller("someone", role, null).EnsureMayActFor("any"));
}
