extern alias Cli;

using System.Text.Json;
using Cli::Program287g.Agreement.V1;
using Date = Google.Type.Date;

namespace Program287g.UnitTests.Cli;

public class StatsAndMandatesTests
{
    private static readonly GetStatisticsResponse Statistics = new()
    {
        AsOf = Samples.AsOf,
        Models =
        {
            new ModelStatistics { Model = Model.Jem, Agreements = 135, Agencies = 135, States = 21, PendingApplications = 12, SuspendedAgreements = 1 },
            new ModelStatistics { Model = Model.Tfm, Agreements = 1043, Agencies = 1043, States = 35, PendingApplications = 80 },
            new ModelStatistics { Model = Model.Wso, Agreements = 290, Agencies = 290, States = 28, PendingApplications = 7, SuspendedAgreements = 2 },
        },
        TotalAgreements = 1468,
        TotalAgencies = 1201,
        TotalStates = 40,
        TotalPendingApplications = 99,
        SummaryLines =
        {
            "Jail Enforcement Model agreements with 135 law enforcement agencies in 21 states",
            "Task Force Model agreements with 1043 law enforcement agencies in 35 states",
        },
    };

    [Fact]
    public async Task Stats_prints_a_row_per_model_the_totals_and_ICE_s_lines()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Statistics = _ => Statistics;

        var run = await CliRun.AgainstAsync(server, "stats", "--as-of", "2025-03-27T15:00:00-04:00");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Received<GetStatisticsRequest>().ShouldHaveSingleItem().AsOf.ShouldBe(Samples.AsOf);
        run.Out.ShouldStartWith("287(g) figures as of ");
        run.Out.ShouldMatch(@"│ Model │ Agreements │ Agencies │ States │ Pending │ Suspended │");
        run.Out.ShouldMatch(@"│ TFM\s+│\s+1,043 │\s+1,043 │\s+35 │\s+80 │\s+0 │");
        run.Out.ShouldMatch(@"│ Total │\s+1,468 │\s+1,201 │\s+40 │\s+99 │\s+3 │");
        run.Out.ShouldContain("Task Force Model agreements with 1043 law enforcement agencies in 35 states");
    }

    [Fact]
    public async Task Stats_as_json_is_the_response_with_short_enum_names()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Statistics = _ => Statistics;

        var run = await CliRun.AgainstAsync(server, "--json", "stats");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Received<GetStatisticsRequest>().ShouldHaveSingleItem().AsOf.ShouldBeNull();
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("asOf").GetString().ShouldBe("2025-03-27T19:00:00Z");
        root.GetProperty("models")[0].GetProperty("model").GetString().ShouldBe("JEM");
        root.GetProperty("models")[0].GetProperty("suspendedAgreements").GetInt32().ShouldBe(1);
        root.GetProperty("totalAgencies").GetInt32().ShouldBe(1201);
        root.GetProperty("summaryLines").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Mandates_sends_the_day_and_state_and_prints_dates_as_days()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        var florida = new StateMandate
        {
            State = "FL",
            Law = "Fla. Stat. 908.11",
            Requirement = "Every sheriff and county jail operator must hold an agreement.",
            InForceFrom = new Date { Year = 2022, Month = 7, Day = 1 },
            Models = { Model.Jem, Model.Wso },
            Coverage = MandateCoverage.LoadedList,
            CoveredAgencies = 67,
        };
        server.Service.MandateGaps = request => new ListStateMandateGapsResponse
        {
            AsOf = request.AsOf,
            Mandates = { florida },
            Gaps =
            {
                new MandateGap
                {
                    Mandate = florida,
                    Agency = new AgencySummary { AgencyId = "a1", Name = "Monroe County Sheriff's Office", State = "FL", Type = "County", County = "Monroe" },
                    PendingAgreementIds = { "agr-7" },
                    Reason = MandateGapReason.PendingOnly,
                },
                new MandateGap
                {
                    Mandate = florida,
                    Covered = new CoveredAgency { Name = "Dade County Jail", County = "Miami-Dade", Kind = CoveredAgencyKind.Jail },
                    Reason = MandateGapReason.NoAgencyRegistered,
                },
            },
        };

        var human = await CliRun.AgainstAsync(server, "mandates", "--state", "FL", "--as-of", "2026-01-05");
        var json = await CliRun.AgainstAsync(server, "mandates", "--state", "FL", "--as-of", "2026-01-05", "--json");

        server.Service.Received<ListStateMandateGapsRequest>()[0].ShouldBe(
            new ListStateMandateGapsRequest { State = "FL", AsOf = new Date { Year = 2026, Month = 1, Day = 5 } });
        human.ExitCode.ShouldBe(0, human.Error);
        human.Out.ShouldContain("State mandates in force on 2026-01-05:");
        human.Out.ShouldMatch(@"│ FL\s+│ Fla. Stat. 908.11 │ .* │ 2022-07-01\s+│ -\s+│ JEM, WSO │ no, signed only │ 67 \(list\)\s+│");
        human.Out.ShouldContain("2 covered agencies that do not meet their state's law:");
        human.Out.ShouldMatch(@"│ FL\s+│ Monroe County Sheriff's Office\s+│ County │ Monroe\s+│ Fla. Stat. 908.11 │ pending only; signed required │ agr-7\s+│");
        human.Out.ShouldMatch(@"│ FL\s+│ Dade County Jail \(not registered\)\s+│ -\s+│ Miami-Dade │ Fla. Stat. 908.11 │ no agency registered\s+│ none\s+│");
        json.ExitCode.ShouldBe(0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        root.GetProperty("asOf").GetString().ShouldBe("2026-01-05");
        var mandate = root.GetProperty("mandates")[0];
        mandate.GetProperty("inForceFrom").GetString().ShouldBe("2022-07-01");
        mandate.GetProperty("complyBy").ValueKind.ShouldBe(JsonValueKind.Null);
        mandate.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldBe(["JEM", "WSO"]);
        root.GetProperty("gaps")[0].GetProperty("pendingAgreementIds")[0].GetString().ShouldBe("agr-7");
        root.GetProperty("gaps")[0].GetProperty("reason").GetString().ShouldBe("PENDING_ONLY");
        root.GetProperty("gaps")[1].GetProperty("agency").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("gaps")[1].GetProperty("covered").GetProperty("kind").GetString().ShouldBe("JAIL");
    }
}
