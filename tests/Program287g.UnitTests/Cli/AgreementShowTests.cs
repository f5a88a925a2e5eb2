extern alias Cli;

using System.Text.Json;
using Cli::Program287g.Agreement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.UnitTests.Cli;

public class AgreementShowTests
{
    private static readonly Transition[] History =
    [
        new()
        {
            ToStatus = AgreementStatus.Pending, Action = "submitted", Actor = "jdoe", ActorRole = "agency-user",
            RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 2, 3, 14, 30, 0, TimeSpan.Zero)),
        },
        new()
        {
            FromStatus = AgreementStatus.Pending, ToStatus = AgreementStatus.Active, Action = "signed", Actor = "ice.official",
            ActorRole = "program-staff", Note = "MOA signed",
            EffectiveAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 2, 20, 0, 0, 0, TimeSpan.Zero)),
            RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 2, 21, 9, 0, 0, TimeSpan.Zero)),
        },
    ];

    [Fact]
    public async Task Show_prints_the_agreement_and_its_history()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Answer(server);

        var run = await CliRun.AgainstAsync(server, "agreement", "show", "000001");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Received<GetAgreementRequest>().ShouldHaveSingleItem().AgreementId.ShouldBe("000001");
        server.Service.Received<GetAgreementHistoryRequest>().ShouldHaveSingleItem().AgreementId.ShouldBe("000001");
        run.Out.ShouldContain("287G-2025-000001 (000001)");
        run.Out.ShouldContain("Harris County Sheriff's Office, TX (County, Harris) [agency-000001]");
        run.Out.ShouldMatch(@"Status\s+ACTIVE");
        run.Out.ShouldMatch(@"│ signed\s+│ PENDING │ ACTIVE  │ ice.official │ program-staff │ MOA signed │");
    }

    [Fact]
    public async Task Show_as_json_has_the_agreement_and_the_history()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Answer(server);

        var run = await CliRun.AgainstAsync(server, "agreement", "show", "000001", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("agreement").GetProperty("referenceNumber").GetString().ShouldBe("287G-2025-000001");
        var history = json.RootElement.GetProperty("history");
        history[0].GetProperty("fromStatus").ValueKind.ShouldBe(JsonValueKind.Null);
        history[0].GetProperty("toStatus").GetString().ShouldBe("PENDING");
        history[0].GetProperty("effectiveAt").ValueKind.ShouldBe(JsonValueKind.Null);
        history[1].GetProperty("effectiveAt").GetString().ShouldBe("2025-02-20T00:00:00Z");
    }

    [Fact]
    public async Task An_unknown_agreement_is_a_refusal_naming_the_record()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Agreement = request => throw RpcErrors.NotFound("agreement", request.AgreementId);

        var run = await CliRun.AgainstAsync(server, "agreement", "show", "nope", "--json");

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe("""
            program287g: the Agreement service refused: NOT_FOUND: No agreement 'nope'.
              agreement 'nope'

            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task A_refused_token_says_how_to_get_a_good_one()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Agreement = _ => throw new RpcException(new Status(StatusCode.Unauthenticated, "Bad token."));

        var run = await CliRun.AgainstAsync(server, "agreement", "show", "x");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("UNAUTHENTICATED: Bad token.");
        run.Error.ShouldContain("pass a valid token with --token or PROGRAM287G_TOKEN");
    }

    private static void Answer(FakeAgreementServer server)
    {
        server.Service.Agreement = request => new GetAgreementResponse { Agreement = Samples.Agreement(request.AgreementId, "Harris County Sheriff's Office") };
        server.Service.History = _ => new GetAgreementHistoryResponse { Transitions = { History } };
    }
}
