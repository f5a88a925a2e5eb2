using System.Security.Claims;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.UnitTests;

public class CallerTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void Role_and_agency_are_read_from_the_claims_the_settings_name()
    {
        var settings = new TokenSettings { RoleClaim = "program287g_roles", AgencyClaim = "agency" };

        var caller = Caller.From(User(("sub", "officer"), ("program287g_roles", Roles.AgencyUser), ("agency", "a-1"),
            (ClaimNames.Role, Roles.ProgramStaff), (ClaimNames.AgencyId, "a-2")), settings);

        caller.ShouldBe(new Caller("officer", Roles.AgencyUser, "a-1"));
    }

    [Fact]
    public void The_default_claim_names_are_the_development_tokens_ones() =>
        Caller.From(User(("sub", "s"), (ClaimNames.Role, Roles.AgencyUser), (ClaimNames.AgencyId, "a-1")), new TokenSettings())
            .ShouldBe(new Caller("s", Roles.AgencyUser, "a-1"));

    [Fact]
    public void An_agency_user_stays_scoped_to_its_agency_whatever_other_roles_its_token_carries()
    {
        var caller = Caller.From(User(("sub", "s"), ("role", "offline_access"), ("role", Roles.ProgramStaff),
            ("role", Roles.AgencyUser), ("agency_id", "a-1")), new TokenSettings());

        caller.IsAgencyUser.ShouldBeTrue();
        Should.Throw<Grpc.Core.RpcException>(() => caller.EnsureMayActFor("a-2"));
    }

    [Fact]
    public void Roles_of_the_issuer_that_are_none_of_ours_are_no_role() =>
        Caller.From(User(("sub", "s"), ("role", "offline_access"), ("role", Roles.InternalSystem)), new TokenSettings())
            .Role.ShouldBe(Roles.InternalSystem);
}
