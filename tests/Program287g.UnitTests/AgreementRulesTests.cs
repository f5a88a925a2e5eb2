extern alias AgreementService;

using Program287g.Domain;
using AgreementStatus = AgreementService::Program287g.Agreement.Domain.AgreementStatus;
using LedgerCount = AgreementService::Program287g.Agreement.Domain.LedgerCount;
using Lifecycle = AgreementService::Program287g.Agreement.Domain.Lifecycle;
using LifecycleAction = AgreementService::Program287g.Agreement.Domain.LifecycleAction;
using ProgramStatistics = AgreementService::Program287g.Agreement.Domain.ProgramStatistics;
using StateMandates = AgreementService::Program287g.Agreement.Domain.StateMandates;

namespace Program287g.UnitTests;

public class AgreementRulesTests
{
    [Theory]
    [InlineData(AgreementStatus.Pending, LifecycleAction.Sign, AgreementStatus.Active)]
    [InlineData(AgreementStatus.Pending, LifecycleAction.Withdraw, AgreementStatus.Withdrawn)]
    [InlineData(AgreementStatus.Pending, LifecycleAction.Decline, AgreementStatus.Declined)]
    [InlineData(AgreementStatus.Active, LifecycleAction.Suspend, AgreementStatus.Suspended)]
    [InlineData(AgreementStatus.Suspended, LifecycleAction.Reinstate, AgreementStatus.Active)]
    [InlineData(AgreementStatus.Suspended, LifecycleAction.Terminate, AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Active, LifecycleAction.Supersede, AgreementStatus.Superseded)]
    [InlineData(AgreementStatus.Active, LifecycleAction.RecordAddendum, AgreementStatus.Active)]
    public void A_legal_action_leads_where_the_lifecycle_says(AgreementStatus from, LifecycleAction action, AgreementStatus to) =>
        Lifecycle.Next(from, action).ShouldBe(to);

    [Theory]
    [InlineData(AgreementStatus.Withdrawn)]
    [InlineData(AgreementStatus.Declined)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Superseded)]
    public void An_ended_application_or_agreement_allows_nothing(AgreementStatus ended) =>
        Enum.GetValues<LifecycleAction>().Where(action => Lifecycle.Next(ended, action) is not null).ShouldBeEmpty();

    [Fact]
    public void Statistics_count_agencies_and_states_from_the_participation_series_so_an_agency_with_two_models_counts_once()
    {
        LedgerCount[] counts =
        [
            new("active", "JEM", "TX", 3), new("active", "JEM", "FL", 1), new("active", "WSO", "TX", 2),
            new("agency", "JEM", "TX", 3), new("agency", "JEM", "FL", 1), new("agency", "WSO", "TX", 2),
            new("agency", "*", "TX", 4), new("agency", "*", "FL", 1),
            new("pending", "TFM", "GA", 2), new("suspended", "JEM", "TX", 1),
        ];

        var statistics = ProgramStatistics.From(counts);

        var jem = statistics.Models.Single(m => m.Model == ProgramModel.JailEnforcement);
        (jem.Agreements, jem.Agencies, jem.States, jem.Suspended).ShouldBe((4, 4, 2, 1));
        (statistics.TotalAgreements, statistics.TotalAgencies, statistics.TotalStates, statistics.TotalPending).ShouldBe((6, 5, 2, 2));
        statistics.SummaryLines().ShouldBe(
        [
            "Jail Enforcement Model (JEM): 4 agreements with 4 law enforcement agencies in 2 states",
            "Task Force Model (TFM): 0 agreements with 0 law enforcement agencies in 0 states",
            "Warrant Service Officer (WSO): 2 agreements with 2 law enforcement agencies in 1 state",
            "The following 2 applications are pending",
        ]);
    }

    [Fact]
    public void Statistics_by_state_split_the_same_counts_so_the_states_add_up_to_the_models_and_the_agencies_overall()
    {
        LedgerCount[] counts =
        [
            new("active", "JEM", "TX", 3), new("active", "JEM", "FL", 1), new("active", "WSO", "TX", 2),
            new("agency", "JEM", "TX", 3), new("agency", "JEM", "FL", 1), new("agency", "WSO", "TX", 2),
            new("agency", "*", "TX", 4), new("agency", "*", "FL", 1),
            new("pending", "TFM", "GA", 2), new("pending", "JEM", "TX", 1), new("suspended", "WSO", "OK", 1),
        ];

        var statistics = ProgramStatistics.From(counts);

        statistics.States.Select(s => (s.State, s.Agreements[ProgramModel.JailEnforcement], s.Agreements[ProgramModel.TaskForce],
            s.Agreements[ProgramModel.WarrantServiceOfficer], s.Agencies, s.Pending)).ShouldBe(
        [
            ("FL", 1, 0, 0, 1, 0),
            ("GA", 0, 0, 0, 0, 2),
            ("TX", 3, 0, 2, 4, 1),
        ]);
        foreach (var model in statistics.Models)
        {
            statistics.States.Sum(s => s.Agreements[model.Model]).ShouldBe(model.Agreements);
        }
        statistics.States.Sum(s => s.Agencies).ShouldBe(statistics.TotalAgencies);
        statistics.States.Sum(s => s.Pending).ShouldBe(statistics.TotalPending);
    }

    [Theory]
    [InlineData("FL", "SheriffsOffice", "County", true)]
    [InlineData("FL", "Jail", "County", true)]
    [InlineData("FL", "PoliceDepartment", "Municipality", false)]
    [InlineData("GA", "SheriffsOffice", "County", true)]
    [InlineData("GA", "Jail", "County", true)]
    [InlineData("GA", "PoliceDepartment", "Municipality", false)]
    [InlineData("GA", "StatePolice", "StateAgency", false)]
    [InlineData("TX", "SheriffsOffice", "County", true)]
    [InlineData("TX", "PoliceDepartment", "Municipality", false)]
    [InlineData("AR", "DepartmentOfCorrections", "StateAgency", true)]
    [InlineData("AR", "PoliceDepartment", "Municipality", false)]
    public void Without_a_loaded_list_each_state_s_law_covers_the_registered_agencies_of_the_kinds_it_names(string state, string kind,
        string type, bool covered) =>
        StateMandates.All.Single(m => m.State == state).CoversRegistered(kind, type).ShouldBe(covered);

    [Fact]
    public void Texas_SB_8_is_in_force_from_1_January_2026()
    {
        StateMandates.InForce(new DateOnly(2025, 12, 31), "TX").ShouldBeEmpty();
        StateMandates.InForce(new DateOnly(2026, 1, 1), "TX").ShouldHaveSingleItem().Law.ShouldBe("Tex. Gov't Code 753.051 (SB 8, 2025)");
    }

    [Theory]
    [InlineData(2025, 3, 27, "2025-03-27T04:00:00Z")] // daylight time: UTC-4
    [InlineData(2025, 1, 15, "2025-01-15T05:00:00Z")] // standard time: UTC-5
    public void A_program_date_begins_at_midnight_eastern(int year, int month, int day, string utc)
    {
        var start = ProgramTime.StartOf(new DateOnly(year, month, day));

        start.ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        ProgramTime.DateOf(start).ShouldBe(new DateOnly(year, month, day));
        ProgramTime.DateOf(start.AddTicks(-1)).ShouldBe(new DateOnly(year, month, day).AddDays(-1));
    }
}
