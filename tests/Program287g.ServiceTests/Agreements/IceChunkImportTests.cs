using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.IceLists;
using IceListKind = Program287g.IceLists.IceListKind;
using ProtoListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.ServiceTests.Agreements;

/// <summary>ImportIceList settles most rows of a chunk of 100 together (IceChunkImporter) and the rest row by row: the
/// per-row guarantees hold across chunks, mixed chunks, a repeat and two imports at once. Each test lists agencies of its
/// own, in Wyoming, and reads back only those.</summary>
[Collection(ServersCollection.Name)]
public sealed class IceChunkImportTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private static readonly DateTimeOffset July18 = new(2025, 7, 18, 15, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateOnly Signed = new(2025, 2, 3);

    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private static string NewPrefix() => $"Chunk {Guid.NewGuid():N}";

    private static IceListEntry Row(string prefix, int agency, ProgramModel model = ProgramModel.JailEnforcement, DateOnly? signed = null,
        string? moaUrl = null) => new()
    {
        State = "WY", AgencyName = $"{prefix} {agency:D3} County Sheriff's Office", Type = IceAgencyType.County, County = "Natrona County",
        Model = model, Signed = signed, MoaUrl = moaUrl,
    };

    private static byte[] Sheet(IceListKind kind, IEnumerable<IceListEntry> rows)
    {
        using var output = new MemoryStream();
        IceListWriter.Write(output, kind, [.. rows]);
        return output.ToArray();
    }

    private async Task<(ImportOutcome Outcome, List<ImportProgress> Progress)> ImportAsync(IceListKind kind, IEnumerable<IceListEntry> rows) =>
        await Staff.ImportAsync(Sheet(kind, rows), kind == IceListKind.Participating ? ProtoListKind.Participating : ProtoListKind.Pending,
            July18);

    /// <summary>Agreements in force at the list's moment whose agency carries the prefix.</summary>
    private async Task<List<Program287g.Agreement.V1.Agreement>> InForceAsync(string prefix)
    {
        var found = new List<Program287g.Agreement.V1.Agreement>();
        var request = new ListParticipatingAgreementsRequest { State = "WY", PageSize = 500, AsOf = Timestamp.FromDateTimeOffset(July18) };
        do
        {
            var page = await Staff.ListParticipatingAgreementsAsync(request);
            found.AddRange(page.Agreements.Where(a => a.Agency.Name.StartsWith(prefix, StringComparison.Ordinal)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return found;
    }

    private async Task<GetStatisticsResponse> FiguresAsync() =>
        await Staff.GetStatisticsAsync(new() { AsOf = Timestamp.FromDateTimeOffset(July18) });

    /// <summary>150 agencies under two models each: 300 rows, three chunks, each agency's two agreements in one chunk.</summary>
    private static List<IceListEntry> TwoModelsEach(string prefix, Func<int, string?>? moaUrl = null) =>
        [.. Enumerable.Range(0, 150).SelectMany(i => new[]
        {
            Row(prefix, i, ProgramModel.JailEnforcement, Signed, moaUrl?.Invoke(i)),
            Row(prefix, i, ProgramModel.WarrantServiceOfficer, Signed.AddDays(i % 20), moaUrl?.Invoke(i)),
        })];

    [Fact]
    public async Task Three_chunks_of_new_agreements_land_with_their_figures_and_progress_after_each_chunk()
    {
        var prefix = NewPrefix();
        var before = await FiguresAsync();

        var (outcome, progress) = await ImportAsync(IceListKind.Participating, TwoModelsEach(prefix));

        (outcome.RowsRead, outcome.AgreementsCreated, outcome.AgenciesRegistered, outcome.Problems.Count).ShouldBe((300, 300, 150, 0));
        progress.Select(p => (p.RowsDone, p.RowsTotal)).ShouldBe([(100, 300), (200, 300), (300, 300)]);
        var inForce = await InForceAsync(prefix);
        inForce.Count.ShouldBe(300);
        inForce.Select(a => a.ReferenceNumber).Distinct().Count().ShouldBe(300);
        var after = await FiguresAsync();
        (after.TotalAgreements - before.TotalAgreements, after.TotalAgencies - before.TotalAgencies).ShouldBe((300, 150));
        var history = await Staff.GetAgreementHistoryAsync(new() { AgreementId = inForce[0].AgreementId });
        history.Transitions.ShouldHaveSingleItem().Note.ShouldStartWith("From ICE's participating list as of");
    }

    [Fact]
    public async Task A_bad_row_in_the_middle_of_a_chunk_costs_only_itself_and_the_rest_of_its_chunk_lands()
    {
        var prefix = NewPrefix();
        // Agency 40 holds a JEM agreement signed later than the sheet says: that row cannot be taken.
        (await ImportAsync(IceListKind.Participating, [Row(prefix, 40, signed: new DateOnly(2025, 6, 1))])).Outcome.AgreementsCreated.ShouldBe(1);
        var rows = Enumerable.Range(0, 100).Select(i => Row(prefix, i, signed: Signed)).ToList();
        rows[70] = rows[70] with { Signed = new DateOnly(2025, 7, 25) }; // after the list's moment

        var (outcome, _) = await ImportAsync(IceListKind.Participating, rows);

        outcome.AgreementsCreated.ShouldBe(98);
        outcome.Problems.Select(p => (p.Row, p.Column)).ShouldBe([(42, "SIGNED"), (72, "SIGNED")]);
        outcome.Problems[0].Reason.ShouldContain("later than this row's signed date");
        outcome.Problems[1].Reason.ShouldContain("after the list's as-of time");
        var inForce = await InForceAsync(prefix);
        inForce.Count.ShouldBe(99);
        inForce.Single(a => a.Agency.Name.Contains(" 040 ", StringComparison.Ordinal)).ActiveFrom
            .ShouldBe(AgreementSystem.Date(2025, 6, 1));
        inForce.ShouldNotContain(a => a.Agency.Name.Contains(" 070 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chunk_that_mixes_new_agreements_with_signatures_a_supersession_and_an_agency_listed_twice_gives_each_row_its_own_outcome()
    {
        var prefix = NewPrefix();
        // Agencies 0 and 1 applied (an earlier day's pending list); agency 2 holds an agreement signed in 2024.
        (await Staff.ImportAsync(Sheet(IceListKind.Pending, [Row(prefix, 0), Row(prefix, 1)]), ProtoListKind.Pending, July18.AddDays(-30)))
            .Outcome.ApplicationsCreated.ShouldBe(2);
        (await ImportAsync(IceListKind.Participating, [Row(prefix, 2, signed: new DateOnly(2024, 5, 6))])).Outcome.AgreementsCreated.ShouldBe(1);
        var before = await FiguresAsync();
        List<IceListEntry> rows = [.. Enumerable.Range(3, 40).Select(i => Row(prefix, i, signed: Signed))];
        rows.Insert(10, Row(prefix, 0, signed: Signed));
        rows.Insert(20, Row(prefix, 1, signed: Signed));
        // The same agency again, its name with a typographic apostrophe: the reader keeps both rows, the registry folds
        // them into one agency, so the chunk holds that agency's key twice.
        var again = Row(prefix, 1, signed: Signed, moaUrl: "https://www.ice.gov/doclib/287gMOA/test-1.pdf");
        rows.Insert(21, again with { AgencyName = again.AgencyName.Replace('\'', '\u2019') });
        rows.Insert(30, Row(prefix, 2, signed: Signed));

        var (outcome, _) = await ImportAsync(IceListKind.Participating, rows);

        outcome.Problems.ShouldBeEmpty();
        (outcome.AgreementsCreated, outcome.ApplicationsSigned, outcome.AgreementsSuperseded, outcome.LinksUpdated, outcome.Unchanged)
            .ShouldBe((40, 2, 1, 1, 0));
        var inForce = await InForceAsync(prefix);
        inForce.Count.ShouldBe(43);
        inForce.ShouldAllBe(a => a.ActiveFrom.Equals(AgreementSystem.Date(2025, 2, 3)));
        inForce.Single(a => a.Agency.Name.Contains(" 001 ", StringComparison.Ordinal)).MoaUrl
            .ShouldBe("https://www.ice.gov/doclib/287gMOA/test-1.pdf");
        inForce.Single(a => a.Agency.Name.Contains(" 002 ", StringComparison.Ordinal)).Supersedes.ShouldNotBeNullOrEmpty();
        var after = await FiguresAsync();
        // 40 new agreements and 2 signed applications in force; the superseded one replaced by its re-signing.
        (after.TotalAgreements - before.TotalAgreements, after.TotalPendingApplications - before.TotalPendingApplications,
            after.TotalAgencies - before.TotalAgencies).ShouldBe((42, -2, 42));
    }

    [Fact]
    public async Task Importing_the_same_chunks_again_changes_nothing_and_a_later_sheet_brings_only_its_new_links()
    {
        var prefix = NewPrefix();
        var sheet = TwoModelsEach(prefix);
        await ImportAsync(IceListKind.Participating, sheet);
        var figures = await FiguresAsync();
        var first = await InForceAsync(prefix);

        var (again, _) = await ImportAsync(IceListKind.Participating, sheet);
        var (linked, _) = await ImportAsync(IceListKind.Participating,
            TwoModelsEach(prefix, i => i % 3 == 0 ? $"https://www.ice.gov/doclib/287gMOA/{i}.pdf" : null));
        var (linkedAgain, _) = await ImportAsync(IceListKind.Participating,
            TwoModelsEach(prefix, i => i % 3 == 0 ? $"https://www.ice.gov/doclib/287gMOA/{i}.pdf" : null));

        (again.Unchanged, again.AgreementsCreated, again.AgenciesRegistered, again.AgenciesMatched).ShouldBe((300, 0, 0, 150));
        (linked.LinksUpdated, linked.Unchanged).ShouldBe((100, 200));
        (linkedAgain.LinksUpdated, linkedAgain.Unchanged).ShouldBe((0, 300));
        (await FiguresAsync()).ShouldBe(figures);
        var last = await InForceAsync(prefix);
        last.Select(a => (a.AgreementId, a.ReferenceNumber)).ShouldBe(first.Select(a => (a.AgreementId, a.ReferenceNumber)), ignoreOrder: true);
        (await Staff.GetAgreementHistoryAsync(new() { AgreementId = last[0].AgreementId })).Transitions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_imports_of_the_same_sheet_at_once_create_each_agreement_once_without_deadlock_and_end_as_one_would()
    {
        var prefix = NewPrefix();
        var sheet = Sheet(IceListKind.Participating, TwoModelsEach(prefix));
        var before = await FiguresAsync();

        var both = await Task.WhenAll(
            Staff.ImportAsync(sheet, ProtoListKind.Participating, July18),
            Staff.ImportAsync(sheet, ProtoListKind.Participating, July18)).WaitAsync(TimeSpan.FromMinutes(2));

        both.ShouldAllBe(b => b.Outcome.Problems.Count == 0 && b.Outcome.AgreementsCreated + b.Outcome.Unchanged == 300);
        both.Sum(b => b.Outcome.AgreementsCreated).ShouldBe(300);
        both.Sum(b => b.Outcome.AgenciesRegistered).ShouldBe(150);
        var inForce = await InForceAsync(prefix);
        inForce.Count.ShouldBe(300);
        inForce.Select(a => (a.Agency.AgencyId, a.Model)).Distinct().Count().ShouldBe(300);
        var after = await FiguresAsync();
        (after.TotalAgreements - before.TotalAgreements, after.TotalAgencies - before.TotalAgencies).ShouldBe((300, 150));
        var byModel = after.Models.ToDictionary(m => m.Model);
        var earlier = before.Models.ToDictionary(m => m.Model);
        (byModel[Model.Jem].Agreements - (earlier.GetValueOrDefault(Model.Jem)?.Agreements ?? 0),
            byModel[Model.Wso].Agencies - (earlier.GetValueOrDefault(Model.Wso)?.Agencies ?? 0)).ShouldBe((150, 150));
    }
}
