extern alias Cli;

using Cli::Program287g.Agreement.V1;
using Microsoft.IdentityModel.JsonWebTokens;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.UnitTests.Cli;

public class ConnectionTests
{
    [Fact]
    public async Task The_address_and_token_come_from_the_environment_when_not_given()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Statistics = _ => new GetStatisticsResponse();

        var run = await CliRun.RunAsync(new Dictionary<string, string>
        {
            ["PROGRAM287G_AGREEMENT_URL"] = server.Url,
            ["PROGRAM287G_TOKEN"] = "from-the-environment",
        }, "stats", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Authorizations.ShouldHaveSingleItem().ShouldBe("Bearer from-the-environment");
    }

    [Fact]
    public async Task Without_a_token_a_program_staff_token_is_minted_with_the_AppHost_s_key()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Statistics = _ => new GetStatisticsResponse();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["signing-key"] = new('k', 40) },
            "stats", "--url", server.Url, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var header = server.Service.Authorizations.ShouldHaveSingleItem();
        header.ShouldStartWith("Bearer ");
        var token = new JsonWebToken(header["Bearer ".Length..]);
        token.GetClaim(ClaimNames.Role).Value.ShouldBe(Roles.ProgramStaff);
        // The audit trail records which client called.
        token.GetClaim(ClaimNames.AuthorizedParty).Value.ShouldBe("program287g-cli");
        token.Issuer.ShouldBe("program287g");
    }

    [Fact]
    public async Task Options_win_over_the_environment()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Statistics = _ => new GetStatisticsResponse();

        var run = await CliRun.RunAsync(new Dictionary<string, string>
        {
            ["PROGRAM287G_AGREEMENT_URL"] = "http://127.0.0.1:1",
            ["PROGRAM287G_TOKEN"] = "from-the-environment",
        }, "stats", "--url", server.Url, "--token", "given");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Authorizations.ShouldHaveSingleItem().ShouldBe("Bearer given");
    }
}
