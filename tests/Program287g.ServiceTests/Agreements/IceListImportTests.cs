using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.IceLists;
using Program287g.Testing;
using IceListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.ServiceTests.Agreements;

/// <summary>ICE's real published lists through the import and export RPCs. The expected figures were counted from the
/// sheets independently (a Python zipfile/xml.etree script: rows per SUPPORT TYPE, distinct upper-cased STATE, and
/// distinct agency names per state with case, apostrophe style and spacing folded as the Agency service folds them).</summary>
[Collection(ServersCollection.Name)]
public sealed class IceListImportTests(TestInfrastructure servers) : IAsyncLifetime
{
    /// <summary>ICE's page: "As of March 27, 2025, at 3 p.m." (Eastern daylight time).</summary>
    private static readonly DateTimeOffset March27 = new(2025, 3, 27, 15, 0, 0, TimeSpan.FromHours(-4));

    private AgreementSystem _system = null!;

    public async Task InitializeAsync() => _system = await AgreementSystem.StartAsync(servers);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    private Program287g.Agreement.V1.AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private static byte[] Real(string name) => File.ReadAllBytes(RealIceData.PathOf(name));

    [RealIceDataFact]
    public async Task The_March_2025_lists_import_and_give_the_figures_counted_by_hand_as_of_that_moment()
    {
        var (participating, progress) = await Staff.ImportAsync(Real("participatingAgencies_2025-03-27.xlsx"),
            IceListKind.Participating, March27);
        var (pending, _) = await Staff.ImportAsync(Real("pendingAgencies_2025-03-27.xlsx"), IceListKind.Pending, March27);

        participating.Problems.ShouldBeEmpty();
        participating.RowsRead.ShouldBe(426);
        participating.AgreementsCreated.ShouldBe(426);
        participating.AgenciesRegistered.ShouldBe(329);
        progress.Last().RowsDone.ShouldBe(426);
        progress.Select(p => p.RowsDone).ShouldBeInOrder();
        // ICE lists Florida State Guard as pending for TFM while the participating list shows its TFM agreement in
        // force: a renewal in progress, taken as the application to renew that agreement.
        pending.Problems.ShouldBeEmpty();
        (pending.ApplicationsCreated, pending.RenewalsCreated).ShouldBe((27, 1));

        var figures = await Staff.GetStatisticsAsync(new() { AsOf = Timestamp.FromDateTimeOffset(March27) });
        var byModel = figures.Models.ToDictionary(m => m.Model);
        (byModel[Model.Jem].Agreements, byModel[Model.Jem].Agencies, byModel[Model.Jem].States).ShouldBe((86, 86, 25));
        (byModel[Model.Tfm].Agreements, byModel[Model.Tfm].Agencies, byModel[Model.Tfm].States).ShouldBe((169, 169, 21));
        (byModel[Model.Wso].Agreements, byModel[Model.Wso].Agencies, byModel[Model.Wso].States).ShouldBe((171, 171, 27));
        (byModel[Model.Jem].PendingApplications, byModel[Model.Tfm].PendingApplications, byModel[Model.Wso].PendingApplications)
            .ShouldBe((6, 15, 7));
        (figures.TotalAgreements, figures.TotalAgencies, figures.TotalStates, figures.TotalPendingApplications).ShouldBe((426, 329, 37, 28));
        figures.SummaryLines.Last().ShouldBe("The following 28 applications are pending");

        // A moment before the file: only what had been signed by then, and nothing was yet listed as pending.
        var january = await Staff.GetStatisticsAsync(new() { AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)) });
        january.TotalAgreements.ShouldBeLessThan(426);
        january.TotalPendingApplications.ShouldBe(0);
    }

    [RealIceDataFact]
    public async Task The_ledger_s_figures_agree_with_the_lists_at_any_moment_early_or_late_in_a_month()
    {
        await Staff.ImportAsync(Real("participatingAgencies_2025-03-27.xlsx"), IceListKind.Participating, March27);
        await Staff.ImportAsync(Real("pendingAgencies_2025-03-27.xlsx"), IceListKind.Pending, March27);

        foreach (var moment in new[] { "2024-06-30T23:00:00Z", "2025-01-03T12:00:00Z", "2025-02-14T00:00:00Z",
                     "2025-02-27T09:00:00Z", "2025-03-05T00:00:00Z", "2025-03-27T19:00:00Z", "2025-03-28T00:00:00Z" })
        {
            var asOf = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture));
            var figures = await Staff.GetStatisticsAsync(new() { AsOf = asOf });
            var listed = await CountAsync(token => Staff.ListParticipatingAgreementsAsync(
                new() { AsOf = asOf, PageSize = 500, PageToken = token }).ResponseAsync, r => (r.Agreements.Count, r.NextPageToken));
            var pending = await CountAsync(token => Staff.ListPendingApplicationsAsync(
                new() { AsOf = asOf, PageSize = 500, PageToken = token }).ResponseAsync, r => (r.Applications.Count, r.NextPageToken));

            figures.TotalAgreements.ShouldBe(listed, $"agreements as of {moment}");
            figures.TotalPendingApplications.ShouldBe(pending, $"pending as of {moment}");
        }
    }

    private static async Task<int> CountAsync<T>(Func<string, Task<T>> page, Func<T, (int Count, string Next)> read)
    {
        var (total, token) = (0, "");
        do
        {
            var (count, next) = read(await page(token));
            (total, token) = (total + count, next);
        }
        while (token.Length > 0);
        return total;
    }

    [RealIceDataFact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        var file = Real("pendingAgencies_2025-07-18.xlsx");
        var asOf = new DateTimeOffset(2025, 7, 18, 15, 0, 0, TimeSpan.FromHours(-4));
        var (first, _) = await Staff.ImportAsync(file, IceListKind.Pending, asOf);
        var before = await Staff.GetStatisticsAsync(new() { AsOf = Timestamp.FromDateTimeOffset(asOf) });

        var (second, _) = await Staff.ImportAsync(file, IceListKind.Pending, asOf);

        first.ApplicationsCreated.ShouldBe(26);
        second.ApplicationsCreated.ShouldBe(0);
        second.AgenciesRegistered.ShouldBe(0);
        second.Unchanged.ShouldBe(26);
        (await Staff.GetStatisticsAsync(new() { AsOf = Timestamp.FromDateTimeOffset(asOf) })).ShouldBe(before);
    }

    [RealIceDataFact]
    public async Task The_July_2025_participating_list_imports_with_its_bad_row_reported_and_every_good_row_taken()
    {
        // No as_of given: the file's own last-modified time (2025-07-18T17:43:02Z) is the moment it describes.
        var (outcome, _) = await Staff.ImportAsync(Real("participatingAgencies_2025-07-18.xlsx"), IceListKind.Participating);

        outcome.AsOf.ToDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 7, 18, 17, 43, 2, TimeSpan.Zero));
        outcome.RowsRead.ShouldBe(832);
        outcome.AgreementsCreated.ShouldBe(831);
        var problem = outcome.Problems.ShouldHaveSingleItem();
        problem.Row.ShouldBe(639);
        problem.Column.ShouldBe("SIGNED");
        problem.Reason.ShouldNotBeNullOrWhiteSpace();
        var list = await Staff.ListParticipatingAgreementsAsync(new() { State = "TX", Model = Model.Tfm, PageSize = 500, AsOf = outcome.AsOf });
        list.Agreements.ShouldNotBeEmpty();
        list.Agreements.ShouldAllBe(a => a.Agency.State == "TX" && a.Model == Model.Tfm && a.Status == AgreementStatus.Active);
    }

    [RealIceDataFact]
    public async Task A_later_list_signs_the_applications_an_earlier_pending_list_showed()
    {
        var march = new DateTimeOffset(2025, 3, 27, 15, 0, 0, TimeSpan.FromHours(-4));
        await Staff.ImportAsync(Real("pendingAgencies_2025-03-27.xlsx"), IceListKind.Pending, march);

        var (july, _) = await Staff.ImportAsync(Real("participatingAgencies_2025-07-18.xlsx"), IceListKind.Participating);

        july.ApplicationsSigned.ShouldBeGreaterThan(0);
        (july.AgreementsCreated + july.ApplicationsSigned).ShouldBe(831 - july.Problems.Count(p => p.Row != 639));
    }

    [RealIceDataFact]
    public async Task A_later_list_brings_the_MOA_links_ICE_published_since_and_a_repeat_brings_nothing()
    {
        await Staff.ImportAsync(Real("participatingAgencies_2025-03-27.xlsx"), IceListKind.Participating, March27);
        // A row "link pending" in March that July lists with a link, on the same signed date.
        using var marchFile = File.OpenRead(RealIceData.PathOf("participatingAgencies_2025-03-27.xlsx"));
        using var julyFile = File.OpenRead(RealIceData.PathOf("participatingAgencies_2025-07-18.xlsx"));
        var julyRows = IceListReader.Read(julyFile).Rows;
        var (pendingInMarch, linkedInJuly) = IceListReader.Read(marchFile).Rows.Where(r => r.MoaUrl is null)
            .Select(r => (r, julyRows.FirstOrDefault(j => j.State == r.State && j.Model == r.Model && j.Signed == r.Signed
                && j.AgencyName.Equals(r.AgencyName, StringComparison.OrdinalIgnoreCase) && j.MoaUrl is not null)))
            .First(pair => pair.Item2 is not null);

        var (july, _) = await Staff.ImportAsync(Real("participatingAgencies_2025-07-18.xlsx"), IceListKind.Participating);
        var (again, _) = await Staff.ImportAsync(Real("participatingAgencies_2025-07-18.xlsx"), IceListKind.Participating);

        july.LinksUpdated.ShouldBeGreaterThan(0);
        again.LinksUpdated.ShouldBe(0);
        (again.AgreementsCreated, again.ApplicationsSigned, again.AgreementsSuperseded).ShouldBe((0, 0, 0));
        var inState = (await Staff.ListParticipatingAgreementsAsync(new() { State = pendingInMarch.State, PageSize = 500 })).Agreements;
        inState.Single(a => a.Agency.Name.Equals(pendingInMarch.AgencyName, StringComparison.OrdinalIgnoreCase)
            && a.Model.ToString().Equals(pendingInMarch.Model.Code(), StringComparison.OrdinalIgnoreCase))
            .MoaUrl.ShouldBe(linkedInJuly!.MoaUrl);
    }

    [RealIceDataFact]
    public async Task The_participating_list_exports_with_ICE_s_columns_and_reads_back_the_same()
    {
        await Staff.ImportAsync(Real("participatingAgencies_2025-03-27.xlsx"), IceListKind.Participating, March27);

        var (header, file) = await Staff.ExportAsync(IceListKind.Participating, March27);

        header.Rows.ShouldBe(426);
        header.FileName.ShouldBe("participatingAgencies_2025-03-27.xlsx");
        using var stream = new MemoryStream(file);
        var read = IceListReader.Read(stream, Program287g.IceLists.IceListKind.Participating);
        read.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]);
        read.Problems.ShouldBeEmpty();
        read.Rows.Count.ShouldBe(426);
        read.Rows.Select(r => (r.State, r.AgencyName.ToUpperInvariant())).ShouldBeInOrder();
        using var original = File.OpenRead(RealIceData.PathOf("participatingAgencies_2025-03-27.xlsx"));
        var source = IceListReader.Read(original);
        read.Rows.Select(r => (r.State, r.Model, r.Signed, r.MoaUrl)).ShouldBe(
            source.Rows.Select(r => (r.State, r.Model, r.Signed, r.MoaUrl)), ignoreOrder: true);
    }
}
