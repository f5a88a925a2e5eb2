using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Testing;
using Xunit.Abstractions;
using IceListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.ServiceTests.Agreements;

/// <summary>Each pair of ICE's lists of one day (participating and pending) imported through ImportIceList, in either
/// order, gives per model exactly the agreements, agencies, states and pending applications the sheets hold, and per state
/// each model's agreements, the agencies and the pending applications, as counted
/// by <see cref="IceSheetReading"/> (which shares no code with the service): an agency listed on both under one model is
/// an agreement in force with its renewal pending, not a problem.</summary>
[Collection(ServersCollection.Name)]
public sealed class IceSheetPairTests(TestInfrastructure servers, ITestOutputHelper output) : IAsyncLifetime
{
    private AgreementSystem _system = null!;

    public async Task InitializeAsync() => _system = await AgreementSystem.StartAsync(servers);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    /// <summary>Every day for which the data folder holds both lists, once in each order.</summary>
    public static TheoryData<string, bool> SheetPairs()
    {
        var pairs = new TheoryData<string, bool>();
        if (RealIceData.Folder is null)
        {
            return pairs;
        }
        foreach (var day in Directory.GetFiles(RealIceData.Folder, "participatingAgencies_*.xlsx")
                     .Select(path => Path.GetFileNameWithoutExtension(path)["participatingAgencies_".Length..])
                     .Where(day => File.Exists(RealIceData.PathOf($"pendingAgencies_{day}.xlsx"))).Order(StringComparer.Ordinal))
        {
            pairs.Add(day, true);
            pairs.Add(day, false);
        }
        return pairs;
    }

    [RealIceDataTheory]
    [MemberData(nameof(SheetPairs))]
    public async Task The_lists_of_one_day_give_the_figures_the_sheets_hold_in_either_order_and_again_change_nothing(
        string day, bool participatingFirst)
    {
        var sheets = SheetFigures.Count(day);

        var (participating, pending) = await ImportBothAsync(day, participatingFirst);
        var asOf = Max(participating.AsOf, pending.AsOf);

        participating.Problems.Select(p => p.Row).ShouldBe(sheets.ParticipatingProblemRows, "participating rows reported");
        pending.Problems.Select(p => p.Row).ShouldBe(sheets.PendingProblemRows, "pending rows reported");
        (participatingFirst ? pending.RenewalsCreated : participating.RenewalsRecognised).ShouldBe(sheets.Renewals.Count);
        (participating.RenewalsCreated + participating.RenewalsSigned + pending.RenewalsSigned + pending.RenewalsRecognised
            + (participatingFirst ? participating.RenewalsRecognised : pending.RenewalsCreated)).ShouldBe(0);
        var figures = await Staff.GetStatisticsAsync(new() { AsOf = asOf });
        output.WriteLine($"{day}: sheets {string.Join(", ", sheets.Figures)}; measured {string.Join(", ", Measured(figures))}; "
            + $"problems {string.Join(", ", participating.Problems.Select(p => $"row {p.Row} {p.Column}: {p.Reason}"))}");
        Measured(figures).ShouldBe(sheets.Figures);
        figures.States.Select(s => (s.State, s.JemAgreements, s.TfmAgreements, s.WsoAgreements, s.Agencies, s.PendingApplications))
            .ShouldBe(sheets.ByState);
        (await ListedAsync(asOf, pending: false)).ShouldBe(sheets.InForce, ignoreOrder: true);
        (await ListedAsync(asOf, pending: true)).ShouldBe(sheets.Pending, ignoreOrder: true);
        await RenewalsRenewTheAgreementsInForceAsync(asOf, sheets.Renewals);

        var (participatingAgain, pendingAgain) = await ImportBothAsync(day, participatingFirst);

        foreach (var again in new[] { participatingAgain, pendingAgain })
        {
            (again.AgenciesRegistered, again.AgreementsCreated, again.ApplicationsCreated, again.ApplicationsSigned,
                again.AgreementsSuperseded, again.LinksUpdated, again.RenewalsCreated, again.RenewalsSigned, again.RenewalsRecognised)
                .ShouldBe((0, 0, 0, 0, 0, 0, 0, 0, 0), $"{again.Kind} again");
        }
        participatingAgain.Unchanged.ShouldBe(sheets.InForce.Count);
        pendingAgain.Unchanged.ShouldBe(sheets.Pending.Count);
        (await Staff.GetStatisticsAsync(new() { AsOf = asOf })).ShouldBe(figures);
    }

    /// <summary>Both files as ICE published them, each as of its own last-modified time (no as_of given).</summary>
    private async Task<(ImportOutcome Participating, ImportOutcome Pending)> ImportBothAsync(string day, bool participatingFirst)
    {
        async Task<ImportOutcome> Import(string prefix, IceListKind kind) =>
            (await Staff.ImportAsync(await File.ReadAllBytesAsync(RealIceData.PathOf($"{prefix}_{day}.xlsx")), kind)).Outcome;
        if (participatingFirst)
        {
            var participating = await Import("participatingAgencies", IceListKind.Participating);
            return (participating, await Import("pendingAgencies", IceListKind.Pending));
        }
        var pending = await Import("pendingAgencies", IceListKind.Pending);
        return (await Import("participatingAgencies", IceListKind.Participating), pending);
    }

    private static Timestamp Max(Timestamp a, Timestamp b) => a.ToDateTimeOffset() >= b.ToDateTimeOffset() ? a : b;

    private static List<(string, int, int, int, int)> Measured(GetStatisticsResponse figures) =>
    [
        .. figures.Models.OrderBy(m => m.Model).Select(m => (m.Model.ToString().ToUpperInvariant(), m.Agreements, m.Agencies, m.States, m.PendingApplications)),
        ("TOTAL", figures.TotalAgreements, figures.TotalAgencies, figures.TotalStates, figures.TotalPendingApplications),
    ];

    /// <summary>(state, folded agency name, model) of every agreement in force, or every application pending, at asOf.</summary>
    private async Task<List<(string, string, string)>> ListedAsync(Timestamp asOf, bool pending) =>
        [.. (await AllAsync(asOf, pending)).Select(a => (a.Agency.State, IceSheetReading.Fold(a.Agency.Name), a.Model.ToString().ToUpperInvariant()))];

    private async Task<List<Program287g.Agreement.V1.Agreement>> AllAsync(Timestamp asOf, bool pending)
    {
        var all = new List<Program287g.Agreement.V1.Agreement>();
        var token = "";
        do
        {
            if (pending)
            {
                var page = await Staff.ListPendingApplicationsAsync(new() { AsOf = asOf, PageSize = 500, PageToken = token });
                all.AddRange(page.Applications);
                token = page.NextPageToken;
            }
            else
            {
                var page = await Staff.ListParticipatingAgreementsAsync(new() { AsOf = asOf, PageSize = 500, PageToken = token });
                all.AddRange(page.Agreements);
                token = page.NextPageToken;
            }
        }
        while (token.Length > 0);
        return all;
    }

    /// <summary>Each agency listed on both sheets under one model: its pending application renews its agreement in force.</summary>
    private async Task RenewalsRenewTheAgreementsInForceAsync(Timestamp asOf, List<(string, string, string)> renewals)
    {
        var key = ((Program287g.Agreement.V1.Agreement a) => (a.Agency.State, IceSheetReading.Fold(a.Agency.Name), a.Model.ToString().ToUpperInvariant()));
        var inForce = (await AllAsync(asOf, pending: false)).ToDictionary(key);
        var pending = (await AllAsync(asOf, pending: true)).ToDictionary(key);
        foreach (var renewal in renewals)
        {
            pending[renewal].Renews.ShouldBe(inForce[renewal].AgreementId, renewal.ToString());
        }
        pending.Values.Count(a => a.Renews.Length > 0).ShouldBe(renewals.Count);
    }
}

/// <summary>What ICE's two sheets of one day hold, read by <see cref="IceSheetReading"/>.</summary>
internal sealed record SheetFigures(List<(string, int, int, int, int)> Figures,
    List<(string, int, int, int, int, int)> ByState, List<(string, string, string)> InForce,
    List<(string, string, string)> Pending, List<(string, string, string)> Renewals, List<int> ParticipatingProblemRows,
    List<int> PendingProblemRows)
{
    public static SheetFigures Count(string day)
    {
        var listDay = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var participating = IceSheetReading.Read(RealIceData.PathOf($"participatingAgencies_{day}.xlsx"), listDay);
        var pending = IceSheetReading.Read(RealIceData.PathOf($"pendingAgencies_{day}.xlsx"), listDay);
        // One agreement per agency and model: a row repeating an earlier one's is not another.
        var inForce = participating.Where(r => r.InForce).DistinctBy(Key).ToList();
        var applications = pending.DistinctBy(Key).ToList();
        var figures = new[] { "JEM", "TFM", "WSO" }.Select(model =>
        {
            var rows = inForce.Where(r => r.Model == model).ToList();
            return (model, rows.Count, rows.DistinctBy(r => (r.State, r.Agency)).Count(), rows.DistinctBy(r => r.State).Count(),
                applications.Count(r => r.Model == model));
        }).ToList();
        figures.Add(("TOTAL", inForce.Count, inForce.DistinctBy(r => (r.State, r.Agency)).Count(), inForce.DistinctBy(r => r.State).Count(),
            applications.Count));
        // (state, JEM, TFM, WSO agreements, agencies across models, pending) for each state on either sheet, by code.
        var byState = inForce.Concat(applications).Select(r => r.State).Distinct().Order(StringComparer.Ordinal).Select(state =>
        {
            var rows = inForce.Where(r => r.State == state).ToList();
            return (state, rows.Count(r => r.Model == "JEM"), rows.Count(r => r.Model == "TFM"), rows.Count(r => r.Model == "WSO"),
                rows.DistinctBy(r => r.Agency).Count(), applications.Count(r => r.State == state));
        }).ToList();
        var renewals = applications.Select(Key).Intersect(inForce.Select(Key)).ToList();
        return new SheetFigures(figures, byState, [.. inForce.Select(Key)], [.. applications.Select(Key)], renewals,
            [.. participating.Except(inForce).Select(r => r.Row).Order()], [.. pending.Except(applications).Select(r => r.Row).Order()]);
    }

    private static (string, string, string) Key(SheetRow row) => (row.State, row.Agency, row.Model);
}

/// <summary>A theory over ICE's real lists, skipped (with the reason) where they are not present.</summary>
public sealed class RealIceDataTheoryAttribute : TheoryAttribute
{
    public RealIceDataTheoryAttribute()
    {
        if (RealIceData.Folder is null)
        {
            Skip = "ICE's real lists are not here: expected ../shared/data/287g beside the folder holding Program287g.sln.";
        }
    }
}
