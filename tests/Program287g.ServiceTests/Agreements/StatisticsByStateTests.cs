using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

/// <summary>GetStatistics' table by state. The database is shared with the other test classes, so each test compares a
/// state's row before and after what it does.</summary>
[Collection(ServersCollection.Name)]
public sealed class StatisticsByStateTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private async Task<GetStatisticsResponse> StatisticsAsync(DateTime? asOf = null) =>
        await Staff.GetStatisticsAsync(new() { AsOf = asOf is null ? null : Timestamp.FromDateTime(asOf.Value) });

    /// <summary>(JEM, TFM, WSO, agencies, pending) of the state, zeros when it has no row.</summary>
    private static (int Jem, int Tfm, int Wso, int Agencies, int Pending) Row(GetStatisticsResponse statistics, string state) =>
        statistics.States.SingleOrDefault(s => s.State == state) is { } row
            ? (row.JemAgreements, row.TfmAgreements, row.WsoAgreements, row.Agencies, row.PendingApplications)
            : (0, 0, 0, 0, 0);

    private static (int, int, int, int, int) Change(GetStatisticsResponse before, GetStatisticsResponse after, string state)
    {
        var (b, a) = (Row(before, state), Row(after, state));
        return (a.Jem - b.Jem, a.Tfm - b.Tfm, a.Wso - b.Wso, a.Agencies - b.Agencies, a.Pending - b.Pending);
    }

    [Fact]
    public async Task Each_state_counts_its_agreements_per_model_its_agencies_once_and_its_pending_applications()
    {
        var before = await StatisticsAsync();
        // Kansas: one agency with JEM and WSO, another with TFM; Nebraska: a JEM agreement and a pending TFM application.
        var twoModels = await _system.ActiveAsync(Model.Jem, "KS");
        var wso = (await Staff.SubmitApplicationAsync(Application(twoModels.Agency.AgencyId, Model.Wso))).Agreement;
        await Staff.SignAgreementAsync(new()
        {
            AgreementId = wso.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(2) },
        });
        await _system.ActiveAsync(Model.Tfm, "KS");
        await _system.ActiveAsync(Model.Jem, "NE");
        await _system.PendingAsync(Model.Tfm, "NE");

        var after = await StatisticsAsync();

        Change(before, after, "KS").ShouldBe((1, 1, 1, 2, 0));
        Change(before, after, "NE").ShouldBe((1, 0, 0, 1, 1));
        after.States.Select(s => s.State).ShouldBe(after.States.Select(s => s.State).Order(StringComparer.Ordinal));
        after.States.ShouldAllBe(s => s.State.Length == 2);
    }

    [Fact]
    public async Task Suspended_terminated_and_superseded_agreements_are_not_counted_in_force_in_their_state()
    {
        var before = await StatisticsAsync();
        var suspended = await _system.ActiveAsync(Model.Jem, "SD");
        await Staff.SuspendAgreementAsync(new() { AgreementId = suspended.AgreementId, Reason = "review" });
        var terminated = await _system.ActiveAsync(Model.Tfm, "SD", signedDaysAgo: 6);
        await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = terminated.AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(3), EffectiveOn = DaysAgo(1),
        });
        var old = await _system.ActiveAsync(Model.Wso, "SD");
        await Staff.SupersedeAgreementAsync(new()
        {
            AgreementId = old.AgreementId, Moa = Document("%PDF re-signed", DaysAgo(1)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(0) },
        });

        var after = await StatisticsAsync();

        // Only the replacement of the superseded agreement is in force; its agency is the only one participating.
        Change(before, after, "SD").ShouldBe((0, 0, 1, 1, 0));
        (after.Models.Single(m => m.Model == Model.Jem).SuspendedAgreements
            - before.Models.Single(m => m.Model == Model.Jem).SuspendedAgreements).ShouldBe(1);
    }

    [Fact]
    public async Task The_states_add_up_to_the_per_model_figures_and_the_totals()
    {
        await _system.ActiveAsync(Model.Jem, "ND");
        await _system.ActiveAsync(Model.Wso, "ND");
        await _system.PendingAsync(Model.Jem, "ND");

        foreach (var statistics in new[] { await StatisticsAsync(), await StatisticsAsync(DateTime.UtcNow.AddDays(-3)) })
        {
            var models = statistics.Models.ToDictionary(m => m.Model);
            statistics.States.Sum(s => s.JemAgreements).ShouldBe(models[Model.Jem].Agreements);
            statistics.States.Sum(s => s.TfmAgreements).ShouldBe(models[Model.Tfm].Agreements);
            statistics.States.Sum(s => s.WsoAgreements).ShouldBe(models[Model.Wso].Agreements);
            statistics.States.Sum(s => s.JemAgreements + s.TfmAgreements + s.WsoAgreements).ShouldBe(statistics.TotalAgreements);
            statistics.States.Sum(s => s.Agencies).ShouldBe(statistics.TotalAgencies);
            statistics.States.Sum(s => s.PendingApplications).ShouldBe(statistics.TotalPendingApplications);
            statistics.States.Count(s => s.Agencies > 0).ShouldBe(statistics.TotalStates);
            statistics.States.ShouldAllBe(s => s.JemAgreements + s.TfmAgreements + s.WsoAgreements + s.PendingApplications > 0);
        }
    }

    [Fact]
    public async Task A_moment_in_the_past_gives_that_days_figures_by_state()
    {
        var lastWeek = DateTime.UtcNow.AddDays(-8);
        var threeDaysAgo = DateTime.UtcNow.AddDays(-3);
        var beforeLastWeek = await StatisticsAsync(lastWeek);
        var beforeThreeDaysAgo = await StatisticsAsync(threeDaysAgo);
        var beforeNow = await StatisticsAsync();
        // Signed five days ago, ended yesterday: in force three days ago, not a week ago, not now.
        var ended = await _system.ActiveAsync(Model.Jem, "WV", signedDaysAgo: 5);
        await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = ended.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = DaysAgo(4), EffectiveOn = DaysAgo(1),
        });
        // Applied today: pending now only.
        await _system.PendingAsync(Model.Wso, "WV");

        Change(beforeLastWeek, await StatisticsAsync(lastWeek), "WV").ShouldBe((0, 0, 0, 0, 0));
        Change(beforeThreeDaysAgo, await StatisticsAsync(threeDaysAgo), "WV").ShouldBe((1, 0, 0, 1, 0));
        Change(beforeNow, await StatisticsAsync(), "WV").ShouldBe((0, 0, 0, 0, 1));
    }
}
