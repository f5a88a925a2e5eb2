using Program287g.Agreement.V1;
using Program287g.Contracts.Agreement;
using Program287g.Nominee.V1;
using Program287g.ServiceTests.Agreements;
using Program287g.Testing;
using NomineeMessage = Program287g.Nominee.V1.Nominee;

namespace Program287g.ServiceTests.Nominees;

/// <summary>An agreement's suspension, reinstatement, termination and supersession reach every nominee under it through
/// the Agreement service's events, exactly once however often they are delivered.</summary>
[Collection(ServersCollection.Name)]
public sealed class CascadeTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private NomineeService.NomineeServiceClient Staff => _system.Nominees();
    private AgreementService.AgreementServiceClient Agreements => _system.Programs.Agreements();

    /// <summary>Under one agreement: three officers in force, one ICE suspended, one revoked, one nominee on the way.</summary>
    private async Task<(Program287g.Agreement.V1.Agreement Agreement, NomineeMessage[] Officers, NomineeMessage Suspended,
        NomineeMessage Revoked, NomineeMessage OnTheWay)> StaffedAgreementAsync()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Jem);
        var officers = new[]
        {
            await _path.InStatusAsync(NomineeStatus.Authorized, agreement), await _path.InStatusAsync(NomineeStatus.Authorized, agreement),
            await _path.InStatusAsync(NomineeStatus.Authorized, agreement),
        };
        return (agreement, officers, await _path.InStatusAsync(NomineeStatus.Suspended, agreement),
            await _path.InStatusAsync(NomineeStatus.Revoked, agreement), await _path.InStatusAsync(NomineeStatus.Cleared, agreement));
    }

    private async Task<NomineeMessage> GetAsync(NomineeMessage nominee) =>
        (await Staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee;

    private Task<NomineeMessage> StatusBecomesAsync(NomineeMessage nominee, NomineeStatus status) =>
        Eventually.ReturnsAsync(() => GetAsync(nominee), n => n.Status == status, TimeSpan.FromSeconds(30));

    private async Task<int> StepsAsync(NomineeMessage nominee, string action) =>
        (await Staff.GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId })).Steps.Count(s => s.Action == action);

    [Fact]
    public async Task A_terminated_agreement_ends_every_authorization_under_it_once_with_the_event_delivered_twice()
    {
        var (agreement, officers, suspended, revoked, onTheWay) = await StaffedAgreementAsync();
        var redelivery = Redelivery.Watch(_system);

        await Agreements.TerminateAgreementAsync(new()
        {
            AgreementId = agreement.AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = _system.DaysAgo(0),
            EffectiveOn = _system.DaysAgo(0), Reason = "program review",
        });
        foreach (var officer in officers.Append(suspended))
        {
            var ended = await StatusBecomesAsync(officer, NomineeStatus.Ended);
            ended.Authorization.Status.ShouldBe(AuthorizationStatus.Ended);
            ended.Authorization.EndsOn.ShouldBe(_system.DaysAgo(0));
        }
        (await StatusBecomesAsync(onTheWay, NomineeStatus.Ended)).StatusReason.ShouldContain("terminated");

        var terminated = await Redelivery.RecordedAsync<AgreementTerminated>(_system, agreement.AgreementId);
        await redelivery.DeliverAgainAsync(_system, terminated);
        await redelivery.DeliverAgainAsync(_system, terminated, messageId: Guid.NewGuid());

        foreach (var officer in officers.Append(suspended))
        {
            (await _system.OutboxAsync("AuthorizationEnded", officer.NomineeId)).ShouldHaveSingleItem()
                .GetProperty("Cause").GetString().ShouldBe("agreement-terminated");
            (await StepsAsync(officer, "agreement-terminated")).ShouldBe(1);
            (await GetAsync(officer)).Status.ShouldBe(NomineeStatus.Ended);
        }
        (await _system.OutboxAsync("NominationClosed", onTheWay.NomineeId)).ShouldHaveSingleItem();
        (await GetAsync(revoked)).ShouldBe(revoked);
    }

    [Fact]
    public async Task Notice_of_termination_closes_nominations_at_once_and_ends_authorizations_on_the_effective_date()
    {
        var (agreement, officers, _, _, onTheWay) = await StaffedAgreementAsync();
        var noticeDate = _system.DaysAgo(0);

        await Agreements.TerminateAgreementAsync(new() { AgreementId = agreement.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = noticeDate });
        await StatusBecomesAsync(onTheWay, NomineeStatus.Ended);
        var effective = NomineeSystem.Date(_system.Today.AddDays(90));
        var scheduled = await Eventually.ReturnsAsync(() => GetAsync(officers[0]), n => n.Authorization.EndsOn is not null, TimeSpan.FromSeconds(30));
        scheduled.Status.ShouldBe(NomineeStatus.Authorized);
        scheduled.Authorization.EndsOn.ShouldBe(effective);

        // The day before the effective date the authorizations stand (a sweep run then leaves them); on it, the calendar's
        // own timer ends them.
        _system.Clock.Advance(TimeSpan.FromDays(89));
        await _system.Calendar.SweepAsync(CancellationToken.None);
        (await GetAsync(officers[1])).Status.ShouldBe(NomineeStatus.Authorized);
        _system.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var officer in officers)
        {
            (await StatusBecomesAsync(officer, NomineeStatus.Ended)).Authorization.EndsOn.ShouldBe(effective);
        }
        _system.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var officer in officers)
        {
            (await _system.OutboxAsync("AuthorizationEnded", officer.NomineeId)).ShouldHaveSingleItem();
        }
    }

    [Fact]
    public async Task A_suspended_agreement_suspends_the_authorizations_in_force_and_its_reinstatement_restores_only_those()
    {
        var (agreement, officers, suspended, _, onTheWay) = await StaffedAgreementAsync();
        var redelivery = Redelivery.Watch(_system);

        await Agreements.SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "serious misconduct inquiry" });
        foreach (var officer in officers)
        {
            var held = await StatusBecomesAsync(officer, NomineeStatus.Suspended);
            held.Authorization.SuspensionCause.ShouldBe(SuspensionCause.Agreement);
            held.Authorization.Reason.ShouldContain("serious misconduct inquiry");
        }
        (await GetAsync(onTheWay)).Status.ShouldBe(NomineeStatus.Cleared);
        var suspension = await Redelivery.RecordedAsync<AgreementSuspended>(_system, agreement.AgreementId);
        await redelivery.DeliverAgainAsync(_system, suspension);

        await Agreements.ReinstateAgreementAsync(new() { AgreementId = agreement.AgreementId, Note = "cleared" });
        foreach (var officer in officers)
        {
            (await StatusBecomesAsync(officer, NomineeStatus.Authorized)).Authorization.SuspensionCause.ShouldBe(SuspensionCause.Unspecified);
            (await _system.OutboxAsync("AuthorizationSuspended", officer.NomineeId)).ShouldHaveSingleItem();
            (await _system.OutboxAsync("AuthorizationReinstated", officer.NomineeId)).ShouldHaveSingleItem();
        }
        var stillSuspended = await GetAsync(suspended);
        stillSuspended.Status.ShouldBe(NomineeStatus.Suspended);
        stillSuspended.Authorization.SuspensionCause.ShouldBe(SuspensionCause.Officer);

        // The suspension, arriving again after the reinstatement under another id, is old news: nothing changes.
        await redelivery.DeliverAgainAsync(_system, suspension, messageId: Guid.NewGuid());
        (await GetAsync(officers[0])).Status.ShouldBe(NomineeStatus.Authorized);
    }

    [Fact]
    public async Task An_authorization_suspended_with_its_agreement_is_not_reinstated_on_its_own()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Wso);
        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, agreement);
        await Agreements.SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "review" });
        await StatusBecomesAsync(officer, NomineeStatus.Suspended);

        var refusal = await Should.ThrowAsync<Grpc.Core.RpcException>(() => _path.Do("reinstate", officer));

        refusal.StatusCode.ShouldBe(Grpc.Core.StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain("it is reinstated when the agreement is");
    }

    [Fact]
    public async Task A_superseded_agreement_ends_its_authorizations_and_nominations_at_once()
    {
        var (agreement, officers, _, _, onTheWay) = await StaffedAgreementAsync();

        var replaced = await Agreements.SupersedeAgreementAsync(new()
        {
            AgreementId = agreement.AgreementId, Moa = AgreementSystem.Document("%PDF re-signed", AgreementSystem.DaysAgo(1)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = AgreementSystem.DaysAgo(0) },
        });

        foreach (var officer in officers)
        {
            var ended = await StatusBecomesAsync(officer, NomineeStatus.Ended);
            ended.StatusReason.ShouldContain(replaced.Replacement.AgreementId);
            (await _system.OutboxAsync("AuthorizationEnded", officer.NomineeId)).ShouldHaveSingleItem()
                .GetProperty("Cause").GetString().ShouldBe("agreement-superseded");
        }
        await StatusBecomesAsync(onTheWay, NomineeStatus.Ended);
        // Officers are nominated again under the re-signed agreement.
        (await Staff.NominateOfficerAsync(NomineeSystem.Nomination(replaced.Replacement))).Nominee.Status.ShouldBe(NomineeStatus.Eligible);
    }
}
