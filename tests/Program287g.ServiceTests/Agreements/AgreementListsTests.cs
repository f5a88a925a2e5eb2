using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

[Collection(ServersCollection.Name)]
public sealed class AgreementListsTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private Program287g.Agreement.V1.AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private async Task<GetStatisticsResponse> StatisticsAsync(DateTime? asOf = null) =>
        await Staff.GetStatisticsAsync(new() { AsOf = asOf is null ? null : Timestamp.FromDateTime(asOf.Value) });

    private static ModelStatistics Of(GetStatisticsResponse statistics, Model model) => statistics.Models.Single(m => m.Model == model);

    [Fact]
    public async Task Statistics_count_agreements_distinct_agencies_and_states_per_model_and_overall()
    {
        var before = await StatisticsAsync();
        var texasOne = await _system.ActiveAsync(Model.Jem, "TX");
        await _system.ActiveAsync(Model.Jem, "TX");
        await _system.ActiveAsync(Model.Jem, "NM");
        // One agency with two models counts once overall.
        var both = (await Staff.SubmitApplicationAsync(Application(texasOne.Agency.AgencyId, Model.Wso))).Agreement;
        await Staff.SignAgreementAsync(new()
        {
            AgreementId = both.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(2) },
        });
        await _system.PendingAsync(Model.Tfm, "NM");
        var suspended = await _system.ActiveAsync(Model.Tfm, "OK");
        await Staff.SuspendAgreementAsync(new() { AgreementId = suspended.AgreementId, Reason = "review" });

        var after = await StatisticsAsync();

        (Of(after, Model.Jem).Agreements - Of(before, Model.Jem).Agreements).ShouldBe(3);
        (Of(after, Model.Jem).Agencies - Of(before, Model.Jem).Agencies).ShouldBe(3);
        (Of(after, Model.Wso).Agreements - Of(before, Model.Wso).Agreements).ShouldBe(1);
        (Of(after, Model.Tfm).Agreements - Of(before, Model.Tfm).Agreements).ShouldBe(0);
        (Of(after, Model.Tfm).SuspendedAgreements - Of(before, Model.Tfm).SuspendedAgreements).ShouldBe(1);
        (Of(after, Model.Tfm).PendingApplications - Of(before, Model.Tfm).PendingApplications).ShouldBe(1);
        (after.TotalAgreements - before.TotalAgreements).ShouldBe(4);
        (after.TotalAgencies - before.TotalAgencies).ShouldBe(3);
        after.SummaryLines[0].ShouldBe(
            $"Jail Enforcement Model (JEM): {Of(after, Model.Jem).Agreements} agreements with {Of(after, Model.Jem).Agencies} "
            + $"law enforcement agencies in {Of(after, Model.Jem).States} states");
    }

    [Fact]
    public async Task Statistics_for_a_past_moment_give_the_past_figures()
    {
        var lastWeek = DateTime.UtcNow.AddDays(-8);
        var before = await StatisticsAsync(lastWeek);
        var active = await _system.ActiveAsync(Model.Jem, "ID", signedDaysAgo: 3);

        var atThePast = await StatisticsAsync(lastWeek);
        var threeDaysAgo = await StatisticsAsync(DateTime.UtcNow.AddDays(-2));

        Of(atThePast, Model.Jem).Agreements.ShouldBe(Of(before, Model.Jem).Agreements);
        Of(threeDaysAgo, Model.Jem).Agreements.ShouldBeGreaterThanOrEqualTo(1);
        (await Staff.ListParticipatingAgreementsAsync(new() { State = "ID", AsOf = Timestamp.FromDateTime(lastWeek) }))
            .Agreements.ShouldNotContain(a => a.AgreementId == active.AgreementId);
        (await Staff.ListParticipatingAgreementsAsync(new() { State = "ID" }))
            .Agreements.ShouldContain(a => a.AgreementId == active.AgreementId);
    }

    [Fact]
    public async Task A_suspension_and_a_reinstatement_move_the_agreement_off_and_back_on_the_participating_list()
    {
        var active = await _system.ActiveAsync(Model.Wso, "MT");
        await Staff.SuspendAgreementAsync(new() { AgreementId = active.AgreementId, Reason = "review" });
        var whileSuspended = (await Staff.ListParticipatingAgreementsAsync(new() { State = "MT" })).Agreements;
        await Staff.ReinstateAgreementAsync(new() { AgreementId = active.AgreementId });
        var afterwards = (await Staff.ListParticipatingAgreementsAsync(new() { State = "MT" })).Agreements;

        whileSuspended.ShouldNotContain(a => a.AgreementId == active.AgreementId);
        afterwards.ShouldContain(a => a.AgreementId == active.AgreementId);
    }

    [Fact]
    public async Task Lists_page_by_state_and_name_with_tokens_that_pin_the_moment_and_filters()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await _system.PendingAsync(Model.Wso, "VT")).AgreementId);
        }
        var seen = new List<Program287g.Agreement.V1.Agreement>();
        var request = new ListPendingApplicationsRequest { State = "vermont", Model = Model.Wso, PageSize = 2 };
        Timestamp? asOf = null;
        do
        {
            var page = await Staff.ListPendingApplicationsAsync(request);
            page.Applications.Count.ShouldBeLessThanOrEqualTo(2);
            (asOf ??= page.AsOf).ShouldBe(page.AsOf);
            seen.AddRange(page.Applications);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        seen.Select(a => a.AgreementId).ShouldBe(created, ignoreOrder: true);
        seen.Select(a => a.Agency.Name.ToUpperInvariant()).ShouldBeInOrder();
        var token = (await Staff.ListPendingApplicationsAsync(new() { State = "VT", Model = Model.Wso, PageSize = 2 })).NextPageToken;
        var misuse = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListPendingApplicationsAsync(new() { State = "VT", Model = Model.Jem, PageToken = token, PageSize = 2 }).ResponseAsync);
        misuse.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        misuse.BadFields().ShouldBe(["page_token"]);
    }

    [Fact]
    public async Task Mandate_gaps_name_covered_agencies_without_an_agreement_and_show_pending_applications()
    {
        var without = await _system.RegisterAgencyAsync("FL");
        var pending = await _system.PendingAsync(Model.Jem, "FL");
        var covered = await _system.ActiveAsync(Model.Jem, "FL");
        var police = await _system.RegisterAgencyAsync("FL", AgencyKind.PoliceDepartment, AgencyType.Municipality,
            $"Test City {Guid.NewGuid():N} Police Department");

        var response = await Staff.ListStateMandateGapsAsync(new() { State = "Florida" });

        response.Mandates.Single().Law.ShouldBe("Fla. Stat. 908.11(1)");
        var gaps = response.Gaps.ToDictionary(g => g.Agency.AgencyId);
        gaps.ShouldContainKey(without.AgencyId);
        gaps[pending.Agency.AgencyId].PendingAgreementIds.ShouldBe([pending.AgreementId]);
        gaps.ShouldNotContainKey(covered.Agency.AgencyId);
        gaps.ShouldNotContainKey(police.AgencyId);
    }

    [Fact]
    public async Task Texas_sheriffs_are_held_to_SB_8_only_from_its_effective_date()
    {
        var sheriff = await _system.RegisterAgencyAsync("TX");

        var before = await Staff.ListStateMandateGapsAsync(new() { State = "TX", AsOf = Date(2025, 12, 31) });
        var after = await Staff.ListStateMandateGapsAsync(new() { State = "TX", AsOf = Date(2026, 1, 1) });

        before.Mandates.ShouldBeEmpty();
        before.Gaps.ShouldBeEmpty();
        after.Mandates.Single().ComplyBy.ShouldBe(Date(2026, 12, 1));
        after.Gaps.Select(g => g.Agency.AgencyId).ShouldContain(sheriff.AgencyId);
    }
}
