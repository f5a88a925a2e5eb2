extern alias Cli;

using Cli::Program287g.Agency.V1;
using Cli::Program287g.Cli.Parsing;
using Cli::Program287g.Nominee.V1;
using Cli::Program287g.Notification.V1;

namespace Program287g.UnitTests.Cli;

/// <summary>The words the agency, nominee and notification commands take, and what a bad one does: exit 2 before
/// anything is called (no server runs here; a call would fail to connect and say so).</summary>
public class ServiceCommandParsingTests
{
    [Fact]
    public void A_proto_enum_is_typed_as_its_short_name_in_lower_case_with_dashes()
    {
        ProtoChoice.Words<AgencyType>().ShouldBe(["county", "municipality", "state-agency"]);
        ProtoChoice.Words<BackgroundOutcome>().ShouldBe(["passed", "failed"]);
        ProtoChoice.Words<MailedApplicationModel>().ShouldBe(["jem", "tfm", "wso"]);
    }

    [Theory]
    [InlineData("in-training", NomineeStatus.InTraining)]
    [InlineData("IN_TRAINING", NomineeStatus.InTraining)]
    [InlineData(" Authorized ", NomineeStatus.Authorized)]
    public void Case_and_underscores_do_not_matter(string text, NomineeStatus status)
    {
        ProtoChoice.TryParse<NomineeStatus>(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(status);
    }

    [Theory]
    [InlineData("unspecified")]
    [InlineData("nominee-status-authorized")]
    [InlineData("")]
    public void The_zero_value_and_full_proto_names_are_not_words(string text) =>
        ProtoChoice.TryParse<NomineeStatus>(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("--kind: 'sheriff' is not one of sheriffs-office,", "agency", "list", "--kind", "sheriff")]
    [InlineData("--state", "agency", "register", "--name", "X")]
    [InlineData("--date-of-birth: '17/05/1985' is not a date as YYYY-MM-DD", "nominee", "nominate", "--date-of-birth", "17/05/1985")]
    [InlineData("--status: 'asleep' is not one of ineligible, eligible,", "nominee", "list", "--status", "authorized,asleep")]
    [InlineData("--outcome: 'maybe' is not one of passed, failed.", "nominee", "background", "result", "id", "--outcome", "maybe", "--on", "2026-01-05")]
    [InlineData("Option '--on' is required.", "nominee", "refresher", "id")]
    [InlineData("--page-size must be 1 to 500, not 501.", "inquiry", "list", "--page-size", "501")]
    [InlineData("--timeliness: 'early' is not one of pending, on-time, late, overdue, not-owed.", "notification", "list", "--timeliness", "early")]
    [InlineData("Option '--to' is required.", "sla", "--from", "2026-01-01")]
    [InlineData("date: '2026-1-5' is not a date as YYYY-MM-DD", "closure", "add", "2026-1-5", "--reason", "x")]
    [InlineData("received-at: '2026-07-02T15:00:00' is not an ISO 8601 date-time with an offset", "calendar", "due", "2026-07-02T15:00:00")]
    [InlineData("--outcome: 'spam' is not one of application, inquiry,", "mailbox", "list", "--outcome", "spam")]
    public async Task A_bad_value_or_a_missing_option_is_exit_2_naming_it(string message, params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--url", "http://127.0.0.1:1", "--token", "t"]);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain(message);
        run.Error.ShouldNotContain("cannot reach");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_service_is_named_and_exit_2()
    {
        var run = await CliRun.RunAsync("nominee", "courses", "--url", "http://127.0.0.1:1", "--token", "t");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("program287g: cannot reach the Nominee service:");
    }

    [Fact]
    public async Task Each_service_has_its_own_address_variable()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>
        {
            ["PROGRAM287G_NOTIFICATION_URL"] = "ftp://example.gov",
            ["PROGRAM287G_TOKEN"] = "t",
        }, "closure", "list");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("'ftp://example.gov' is not an http:// or https:// address of the Notification service.");
    }
}
