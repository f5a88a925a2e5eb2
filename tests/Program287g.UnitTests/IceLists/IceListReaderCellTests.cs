using Program287g.Domain;
using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

public class IceListReaderCellTests
{
    [Theory]
    [InlineData("TEXAS", "TX")]
    [InlineData("Georgia", "GA")]
    [InlineData(" georgia\u00A0", "GA")]
    [InlineData("New\u00A0 Hampshire", "NH")]
    [InlineData("tx", "TX")]
    public void A_state_in_any_case_or_spacing_becomes_its_code(string state, string code) =>
        IceRows.ReadJuly(IceRows.July().With(Col.State, state)).Rows.ShouldHaveSingleItem().State.ShouldBe(code);

    [Theory]
    [InlineData("Gorgia", "'Gorgia' is not a U.S. state")]
    [InlineData("  ", "blank")]
    public void Anything_else_in_STATE_is_a_problem_with_the_raw_value(string state, string reason)
    {
        var file = IceRows.ReadJuly(IceRows.July().With(Col.State, state));

        file.Rows.ShouldBeEmpty();
        file.Problems.ShouldBe([new IceRowProblem(2, "STATE", reason, state)]);
    }

    [Theory]
    [InlineData("County", "Jail Enforcement Model", IceAgencyType.County, ProgramModel.JailEnforcement)]
    [InlineData("municipality ", "task force model ", IceAgencyType.Municipality, ProgramModel.TaskForce)]
    [InlineData("STATE\u00A0 AGENCY", "Warrant  Service\u00A0Officer", IceAgencyType.StateAgency, ProgramModel.WarrantServiceOfficer)]
    public void TYPE_and_SUPPORT_TYPE_are_read_in_any_case_and_spacing(string type, string model, IceAgencyType agencyType, ProgramModel programModel)
    {
        var row = IceRows.ReadJuly(IceRows.July().With(Col.Type, type).With(Col.Model, model)).Rows.ShouldHaveSingleItem();

        row.Type.ShouldBe(agencyType);
        row.Model.ShouldBe(programModel);
    }

    [Fact]
    public void A_row_with_several_problems_reports_every_one_and_costs_no_good_row()
    {
        var file = IceRows.ReadJuly(
            IceRows.July().With(Col.State, "Narnia").With(Col.Type, "Tribal").With(Col.Model, "Jail Model").With(Col.Agency, " \u00A0"),
            IceRows.July().With(Col.Agency, "Dallas County Sheriff's Office"));

        file.Problems.ShouldBe([
            new IceRowProblem(2, "STATE", "'Narnia' is not a U.S. state", "Narnia"),
            new IceRowProblem(2, "LAW ENFORCEMENT AGENCY", "blank", " \u00A0"),
            new IceRowProblem(2, "TYPE", "unknown agency type 'Tribal' (ICE uses County, Municipality, State Agency)", "Tribal"),
            new IceRowProblem(2, "SUPPORT TYPE",
                "unknown support type 'Jail Model' (ICE uses Jail Enforcement Model, Task Force Model, Warrant Service Officer)", "Jail Model"),
        ]);
        file.Rows.ShouldHaveSingleItem().AgencyName.ShouldBe("Dallas County Sheriff's Office");
    }

    [Theory]
    [InlineData("  Kansas  Bureau\u00A0Of Investigation ", "Kansas Bureau Of Investigation")]
    [InlineData("Crow Wing County Sheriff's Office ", "Crow Wing County Sheriff's Office")]
    public void Agency_names_are_trimmed_and_their_spaces_collapsed_keeping_case(string raw, string name) =>
        IceRows.ReadJuly(IceRows.July().With(Col.Agency, raw)).Rows.ShouldHaveSingleItem().AgencyName.ShouldBe(name);

    [Fact]
    public void COUNTY_is_null_for_NA_errors_NA_text_blank_and_missing_cells()
    {
        var file = IceRows.ReadJuly(
            IceRows.July().With(Col.County, FixtureCell.Error()),
            IceRows.July().With(Col.County, "#N/A").With(Col.Model, "Task Force Model"),
            IceRows.July().With(Col.County, " ").With(Col.Model, "Warrant Service Officer"),
            IceRows.July().With(Col.County, null).With(Col.Agency, "Houston Police Department"),
            IceRows.July().With(Col.County, "Jackson County  ").With(Col.Agency, "Jackson County Sheriff's Office"));

        file.Problems.ShouldBeEmpty();
        file.Rows.Select(r => r.County).ShouldBe([null, null, null, null, "Jackson County"]);
    }

    [Fact]
    public void Inline_strings_rich_text_runs_and_rows_without_references_are_read()
    {
        var file = IceListReader.Read(new IceSheetBuilder { WithoutReferences = true }
            .Row(IceSheetBuilder.MarchPending)
            .Row(FixtureCell.Inline("OKLAHOMA"), FixtureCell.Rich("Tulsa County ", "Sheriff's Office"), "County", FixtureCell.Rich("Tulsa", " County"), "Warrant Service Officer")
            .Build());

        file.Problems.ShouldBeEmpty();
        file.Rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            row => row.RowNumber.ShouldBe(2),
            row => row.State.ShouldBe("OK"),
            row => row.AgencyName.ShouldBe("Tulsa County Sheriff's Office"),
            row => row.County.ShouldBe("Tulsa County"));
    }

    [Fact]
    public void A_repeated_agreement_is_reported_as_a_duplicate_of_the_first()
    {
        var file = IceRows.ReadJuly(
            IceRows.July(),
            IceRows.July().With(Col.Model, "Task Force Model"),
            IceRows.July().With(Col.Agency, "HARRIS COUNTY  Sheriff's Office ").With(Col.Signed, 45100),
            IceRows.July().With(Col.State, "Georgia"));

        file.Rows.Select(r => (r.RowNumber, r.State, r.Model)).ShouldBe([
            (2, "TX", ProgramModel.JailEnforcement), (3, "TX", ProgramModel.TaskForce), (5, "GA", ProgramModel.JailEnforcement)]);
        file.Problems.ShouldBe([new IceRowProblem(4, "LAW ENFORCEMENT AGENCY",
            "duplicate of row 2 (same agency, state and support type)", "HARRIS COUNTY Sheriff's Office")]);
    }
}
