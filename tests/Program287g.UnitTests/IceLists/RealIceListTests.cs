using Program287g.Domain;
using Program287g.IceLists;
using Program287g.Testing;

namespace Program287g.UnitTests.IceLists;

/// <summary>ICE's four published files. Every figure was counted independently with Python's zipfile and
/// ElementTree straight from the sheet XML (services/Program287g.IceLists/README.md says how).</summary>
public class RealIceListTests
{
    [RealIceDataFact]
    public void March_27_participating_has_426_agreements_with_333_agencies_in_37_states()
    {
        var file = RealIceLists.Read("participatingAgencies_2025-03-27.xlsx", IceListKind.Participating);

        file.ModifiedAt.ShouldBe(new DateTimeOffset(2025, 3, 27, 18, 55, 48, TimeSpan.Zero));
        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]);
        file.Problems.ShouldBeEmpty();
        file.Rows.Count.ShouldBe(426);
        Agencies(file.Rows).ShouldBe(333);
        file.Rows.Select(r => r.State).Distinct().Count().ShouldBe(37);
        file.Rows.GroupBy(r => (r.AgencyName.ToUpperInvariant(), r.State)).Count(g => g.Count() > 1).ShouldBe(89);
        PerModel(file.Rows).ShouldBe([
            (ProgramModel.JailEnforcement, 86, 86, 25), (ProgramModel.TaskForce, 169, 169, 21), (ProgramModel.WarrantServiceOfficer, 171, 171, 27)]);
        file.Rows.Count(r => r.Type == IceAgencyType.County).ShouldBe(340);
        file.Rows.Count(r => r.Type == IceAgencyType.Municipality).ShouldBe(62);
        file.Rows.Count(r => r.Type == IceAgencyType.StateAgency).ShouldBe(24);
        file.Rows.Count(r => r.County is null).ShouldBe(86);
        (file.Rows.Count(r => r.MoaUrl is not null), file.Rows.Count(r => r.MoaPending), file.Rows.Count(r => r.AddendumUrl is not null)).ShouldBe((209, 214, 0));
        (file.Rows.Min(r => r.Signed), file.Rows.Max(r => r.Signed)).ShouldBe((new DateOnly(2019, 4, 24), new DateOnly(2025, 3, 27)));
    }

    [RealIceDataFact]
    public void March_27_participating_rows_hidden_by_its_filter_and_in_mixed_case_are_read()
    {
        var file = RealIceLists.Read("participatingAgencies_2025-03-27.xlsx");

        // Row 2 is one of the 135 rows the saved filter hides; row 5 says "Alabama" where the rows above say "ALABAMA".
        file.Rows[0].ShouldBe(new IceListRow
        {
            RowNumber = 2, State = "AL", AgencyName = "Etowah County Sheriff's Office", Type = IceAgencyType.County, County = "Etowah County",
            Model = ProgramModel.JailEnforcement, Signed = new(2020, 6, 9), MoaUrl = "https://www.ice.gov/doclib/287gMOA/287gJEM_%20etowahCoAL_06-09-2020.pdf",
        });
        file.Rows.Single(r => r.RowNumber == 5).State.ShouldBe("AL");
        // "link | addendum" with non-breaking spaces and no hyperlink at all: neither pending nor linked.
        file.Rows.Where(r => r.RowNumber is 330 or 358 or 361).ShouldAllBe(r => r.MoaUrl == null && !r.MoaPending && r.AddendumUrl == null);
        file.Rows.Single(r => r.RowNumber == 241).AgencyName.ShouldBe("Kansas Bureau Of Investigation");
    }

    [RealIceDataFact]
    public void March_27_pending_has_28_applications()
    {
        var file = RealIceLists.Read("pendingAgencies_2025-03-27.xlsx", IceListKind.Pending);

        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"]);
        file.Problems.ShouldBeEmpty();
        file.Rows.Count.ShouldBe(28);
        Agencies(file.Rows).ShouldBe(27);
        file.Rows.Select(r => r.State).Distinct().Count().ShouldBe(11);
        PerModel(file.Rows).ShouldBe([
            (ProgramModel.JailEnforcement, 6, 6, 3), (ProgramModel.TaskForce, 15, 15, 5), (ProgramModel.WarrantServiceOfficer, 7, 7, 7)]);
        file.Rows.Count(r => r.County is null).ShouldBe(13);
    }

    [RealIceDataFact]
    public void July_18_participating_takes_831_of_832_rows_and_refuses_the_year_5025()
    {
        var file = RealIceLists.Read("participatingAgencies_2025-07-18.xlsx", IceListKind.Participating);

        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]);
        file.Problems.ShouldBe([new IceRowProblem(639, "SIGNED", "5025-07-07 is after the file was last modified (2025-07-18)", "1141572")]);
        file.Rows.Count.ShouldBe(831);
        file.Rows[^1].RowNumber.ShouldBe(833);
        Agencies(file.Rows).ShouldBe(689);
        file.Rows.Select(r => r.State).Distinct().Count().ShouldBe(40);
        PerModel(file.Rows).ShouldBe([
            (ProgramModel.JailEnforcement, 117, 117, 26), (ProgramModel.TaskForce, 415, 415, 31), (ProgramModel.WarrantServiceOfficer, 299, 299, 35)]);
        (file.Rows.Count(r => r.MoaUrl is not null), file.Rows.Count(r => r.MoaPending), file.Rows.Count(r => r.AddendumUrl is not null)).ShouldBe((603, 228, 39));
    }

    [RealIceDataFact]
    public void July_18_participating_repairs_the_slashless_dates_and_unwraps_every_safelink()
    {
        var file = RealIceLists.Read("participatingAgencies_2025-07-18.xlsx");

        file.Rows.Single(r => r.RowNumber == 775).Signed.ShouldBe(new DateOnly(2025, 7, 7));   // "7/72025"
        file.Rows.Single(r => r.RowNumber == 785).Signed.ShouldBe(new DateOnly(2025, 5, 8));   // "05/082025"
        // 168 MOA and 39 ADDENDUM hyperlinks are Outlook safelinks; all lead to ice.gov once unwrapped.
        file.Rows.SelectMany(r => new[] { r.MoaUrl, r.AddendumUrl }).OfType<string>()
            .ShouldAllBe(url => url.StartsWith("https://www.ice.gov/doclib/287gMOA/") || url.StartsWith("http://www.ice.gov/doclib/287gMOA/"));
        file.Rows.Single(r => r.RowNumber == 4).MoaUrl.ShouldBe("https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf");
    }

    [RealIceDataFact]
    public void July_18_pending_has_26_applications()
    {
        var file = RealIceLists.Read("pendingAgencies_2025-07-18.xlsx", IceListKind.Pending);

        file.Problems.ShouldBeEmpty();
        file.Rows.Count.ShouldBe(26);
        Agencies(file.Rows).ShouldBe(25);
        file.Rows.Select(r => r.State).Distinct().Count().ShouldBe(13);
        PerModel(file.Rows).ShouldBe([
            (ProgramModel.JailEnforcement, 4, 4, 3), (ProgramModel.TaskForce, 9, 9, 7), (ProgramModel.WarrantServiceOfficer, 13, 13, 9)]);
    }

    [RealIceDataFact]
    public void Asking_for_the_wrong_list_is_refused() =>
        Should.Throw<IceListFormatException>(() => RealIceLists.Read("pendingAgencies_2025-07-18.xlsx", IceListKind.Participating));

    // An agency is its name (case aside) in its state; a row is one agreement, per model.
    private static int Agencies(IEnumerable<IceListRow> rows) => rows.Select(r => (r.AgencyName.ToUpperInvariant(), r.State)).Distinct().Count();

    private static List<(ProgramModel Model, int Rows, int Agencies, int States)> PerModel(IReadOnlyList<IceListRow> rows) =>
        [.. ProgramModels.All.Select(m => rows.Where(r => r.Model == m).ToList())
            .Select((rs, i) => (ProgramModels.All[i], rs.Count, Agencies(rs), rs.Select(r => r.State).Distinct().Count()))];
}
