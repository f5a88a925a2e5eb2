using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Program287g.Agreement.V1;
using Program287g.ServiceTests.Nominees;

namespace Program287g.ServiceTests.Cli;

/// <summary>program287g nominee ... against the real Nominee service (with the Agency and Agreement services it
/// calls): a nomination taken through every step by the tool, the roster as a table and a workbook, and each kind of
/// failure as its exit code.</summary>
[Collection(ServersCollection.Name)]
public sealed class NomineeCommandsTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;

    private string Today => _system.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_system.NomineeHost.Address, _system.Tokens.Staff(), args);

    private async Task<JsonElement> StepAsync(params string[] args) => (await RunAsync([.. args, "--json"])).Json().GetProperty("nominee");

    private static string[] Nominate(Program287g.Agreement.V1.Agreement agreement, string badge) =>
    [
        "nominee", "nominate", "--agency", agreement.Agency.AgencyId, "--agreement", agreement.AgreementId, "--given-name", "Jordan",
        "--family-name", $"Cli-{Guid.NewGuid():N}"[..12], "--badge", badge, "--date-of-birth", "1985-05-17",
        "--email", "jordan.rivera@sheriff.example.gov", "--us-citizen", "true", "--first-sworn-on", "2012-03-01",
        "--attested-by", "Sheriff Pat Example", "--title", "Sheriff", "--attested-on", "2026-01-05", "--knows-jurisdiction-laws", "true",
    ];

    private static string Badge() => $"C-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task A_nomination_goes_through_every_step_by_the_tool_and_the_roster_lists_the_officer_while_authorized()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Jem);
        var agency = agreement.Agency.AgencyId;
        var badge = Badge();

        var nominee = await StepAsync(Nominate(agreement, badge));
        var id = nominee.GetProperty("nomineeId").GetString()!;
        nominee.GetProperty("status").GetString().ShouldBe("ELIGIBLE");
        nominee.GetProperty("eligibility").GetProperty("eligible").GetBoolean().ShouldBeTrue();

        var courses = (await RunAsync("nominee", "courses", "--model", "jem", "--json")).Json();
        var course = courses.GetProperty("courses").EnumerateArray().ShouldHaveSingleItem();
        courses.GetProperty("passMarkPercent").GetInt32().ShouldBe(70);
        var courseId = course.GetProperty("courseId").GetString()!;
        var examId = course.GetProperty("exams")[0].GetProperty("examId").GetString()!;

        (await StepAsync("nominee", "background", "start", id, "--on", Today)).GetProperty("status").GetString().ShouldBe("BACKGROUND_IN_PROGRESS");
        (await StepAsync("nominee", "background", "result", id, "--outcome", "passed", "--on", Today)).GetProperty("status").GetString().ShouldBe("CLEARED");
        (await StepAsync("nominee", "enroll", id, "--course", courseId, "--starts-on", Today)).GetProperty("status").GetString().ShouldBe("IN_TRAINING");
        var exam = (await RunAsync("nominee", "exam", id, "--exam", examId, "--attempt", "1", "--score", "85", "--on", Today, "--json")).Json();
        exam.GetProperty("passed").GetBoolean().ShouldBeTrue();
        exam.GetProperty("nominee").GetProperty("status").GetString().ShouldBe("TRAINED");
        (await StepAsync("nominee", "certify", id, "--on", Today, "--by", "Dana Trainer", "--title", "287(g) Program Manager"))
            .GetProperty("status").GetString().ShouldBe("CERTIFIED");
        var authorized = await StepAsync("nominee", "authorize", id, "--on", Today, "--office", "ERO Houston Field Office");
        authorized.GetProperty("status").GetString().ShouldBe("AUTHORIZED");
        var number = authorized.GetProperty("authorization").GetProperty("authorizationNumber").GetString()!;

        var roster = (await RunAsync("nominee", "roster", "--agency", agency, "--json")).Json();
        roster.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("nomineeId").GetString()).ShouldBe([id]);
        var table = await RunAsync("nominee", "roster", "--agency", agency);
        table.ExitCode.ShouldBe(0, table.Error);
        table.Out.ShouldContain(number);
        table.Out.ShouldContain("1 authorized officers.");
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "roster.xlsx");
        var written = (await RunAsync("nominee", "roster", "--agency", agency, "--xlsx", file, "--json")).Json();
        written.GetProperty("file").GetString().ShouldBe(file);
        var sheet = ReadSheet(file);
        sheet[0].ShouldContain("Authorization");
        sheet.Count.ShouldBe(2);
        sheet[1].ShouldContain(badge);
        sheet[1].ShouldContain(number);
        sheet[1].ShouldContain(Today);
        var kept = await RunAsync("nominee", "roster", "--agency", agency, "--xlsx", file);
        kept.ExitCode.ShouldBe(3);
        kept.Error.ShouldContain("exists; not replaced (--force replaces it).");
        (await RunAsync("nominee", "roster", "--agency", agency, "--xlsx", file, "--force")).ExitCode.ShouldBe(0);

        (await StepAsync("nominee", "suspend", id, "--reason", "use-of-force inquiry")).GetProperty("status").GetString().ShouldBe("SUSPENDED");
        (await RunAsync("nominee", "roster", "--agency", agency, "--json")).Json().GetProperty("officers").GetArrayLength().ShouldBe(0);
        (await StepAsync("nominee", "reinstate", id, "--note", "inquiry closed")).GetProperty("status").GetString().ShouldBe("AUTHORIZED");
        (await StepAsync("nominee", "refresher", id, "--on", Today)).GetProperty("authorization").GetProperty("refresherDueOn").GetString()
            .ShouldNotBeNullOrEmpty();
        (await StepAsync("nominee", "revoke", id, "--reason", "misconduct substantiated")).GetProperty("status").GetString().ShouldBe("REVOKED");

        var history = (await RunAsync("nominee", "history", id, "--json")).Json().GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("toStatus").GetString()).ToList();
        history.First().ShouldBe("ELIGIBLE");
        history.Last().ShouldBe("REVOKED");
        history.ShouldContain("SUSPENDED");
        (await StepAsync("nominee", "show", id)).GetProperty("status").GetString().ShouldBe("REVOKED");
        var revoked = (await RunAsync("nominee", "list", "--agency", agency, "--status", "revoked,withdrawn", "--json")).Json();
        revoked.GetProperty("nominees").EnumerateArray().Select(n => n.GetProperty("nomineeId").GetString()).ShouldBe([id]);
    }

    [Fact]
    public async Task A_step_the_status_does_not_allow_and_bad_input_are_refused_naming_them_and_a_withdrawal_is_taken()
    {
        var agreement = await _system.SharedAgreementAsync(Model.Wso);
        var id = (await StepAsync(Nominate(agreement, Badge()))).GetProperty("nomineeId").GetString()!;

        var early = await RunAsync("nominee", "certify", id, "--on", Today, "--by", "Dana Trainer", "--title", "Manager");
        var future = await RunAsync("nominee", "background", "start", id, "--on", _system.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var unknownAgreement = await RunAsync([.. Nominate(agreement, Badge()).Select(a => a == agreement.AgreementId ? "not-a-uuid" : a)]);
        var unknown = await RunAsync("nominee", "show", Guid.NewGuid().ToString());
        var withdrawn = await StepAsync("nominee", "withdraw", id, "--reason", "officer transferred");

        early.ShouldBeRefused("FAILED_PRECONDITION");
        early.Error.ToUpperInvariant().ShouldContain("ELIGIBLE");
        future.ShouldBeRefused("INVALID_ARGUMENT", field: "started_on");
        unknownAgreement.ShouldBeRefused("INVALID_ARGUMENT", field: "agreement_id");
        unknown.ShouldBeRefused("NOT_FOUND");
        withdrawn.GetProperty("status").GetString().ShouldBe("WITHDRAWN");
    }

    [Theory]
    [InlineData("--badge", "Option '--badge' is required.")]
    [InlineData("--us-citizen", "Option '--us-citizen' is required.")]
    public async Task A_nomination_missing_a_required_option_is_a_usage_error(string left, string message)
    {
        var agreement = await _system.SharedAgreementAsync(Model.Wso);
        var args = Nominate(agreement, Badge()).ToList();
        var at = args.IndexOf(left);
        args.RemoveRange(at, 2);

        (await RunAsync([.. args])).ShouldBeUsageError(message);
    }

    [Fact]
    public async Task Bad_values_of_step_options_are_usage_errors()
    {
        (await RunAsync("nominee", "exam", Guid.NewGuid().ToString(), "--exam", "final", "--attempt", "1", "--score", "high", "--on", Today))
            .ShouldBeUsageError("high");
        (await RunAsync("nominee", "background", "result", Guid.NewGuid().ToString(), "--outcome", "maybe", "--on", Today))
            .ShouldBeUsageError("--outcome: 'maybe' is not one of passed, failed.");
        (await RunAsync("nominee", "list", "--status", "authorized,sleeping"))
            .ShouldBeUsageError("--status: 'sleeping' is not one of");
        (await RunAsync("nominee", "roster")).ShouldBeUsageError("Option '--agency' is required.");
    }

    /// <summary>Every row of the workbook's first sheet, as text.</summary>
    private static List<List<string>> ReadSheet(string file)
    {
        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => cell.InnerText).ToList())];
    }
}
