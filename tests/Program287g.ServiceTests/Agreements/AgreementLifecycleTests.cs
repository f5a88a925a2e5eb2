using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

[Collection(ServersCollection.Name)]
public sealed class AgreementLifecycleTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    /// <summary>Each action by name, on an agreement, with valid arguments.</summary>
    private Task<Program287g.Agreement.V1.Agreement> Do(string action, string id) => action switch
    {
        "withdraw" => Call(Staff.WithdrawApplicationAsync(new() { AgreementId = id, Reason = "changed our mind" }).ResponseAsync, r => r.Agreement),
        "decline" => Call(Staff.DeclineApplicationAsync(new() { AgreementId = id, Reason = "incomplete MOA" }).ResponseAsync, r => r.Agreement),
        "sign" => Call(Staff.SignAgreementAsync(new()
        {
            AgreementId = id, IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(1) },
        }).ResponseAsync, r => r.Agreement),
        "suspend" => Call(Staff.SuspendAgreementAsync(new() { AgreementId = id, Reason = "misconduct inquiry" }).ResponseAsync, r => r.Agreement),
        "reinstate" => Call(Staff.ReinstateAgreementAsync(new() { AgreementId = id, Note = "inquiry closed" }).ResponseAsync, r => r.Agreement),
        "terminate" => Call(Staff.TerminateAgreementAsync(new()
        {
            AgreementId = id, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(0), Reason = "program review",
        }).ResponseAsync, r => r.Agreement),
        "supersede" => Call(Staff.SupersedeAgreementAsync(new()
        {
            AgreementId = id, Moa = Document("%PDF re-signed", DaysAgo(1)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(0) },
        }).ResponseAsync, r => r.Superseded),
        "addendum" => Call(Staff.RecordAddendumAsync(new()
        {
            AgreementId = id, Description = "Adds a second jail", Document = Document("%PDF addendum", DaysAgo(0)),
        }).ResponseAsync, r => r.Agreement),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static async Task<Program287g.Agreement.V1.Agreement> Call<T>(Task<T> call, Func<T, Program287g.Agreement.V1.Agreement> pick) =>
        pick(await call);

    /// <summary>An agreement brought to <paramref name="status"/> through the API.</summary>
    private async Task<Program287g.Agreement.V1.Agreement> InStatusAsync(AgreementStatus status)
    {
        var pending = await _system.PendingAsync();
        return status switch
        {
            AgreementStatus.Pending => pending,
            AgreementStatus.Withdrawn => await Do("withdraw", pending.AgreementId),
            AgreementStatus.Declined => await Do("decline", pending.AgreementId),
            AgreementStatus.Active => await Do("sign", pending.AgreementId),
            AgreementStatus.Suspended => await Do("suspend", (await Do("sign", pending.AgreementId)).AgreementId),
            AgreementStatus.Terminated => await Do("terminate", (await Do("sign", pending.AgreementId)).AgreementId),
            AgreementStatus.Superseded => await Do("supersede", (await Do("sign", pending.AgreementId)).AgreementId),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    public static TheoryData<AgreementStatus, string, AgreementStatus?> Transitions()
    {
        var legal = new Dictionary<(AgreementStatus, string), AgreementStatus>
        {
            [(AgreementStatus.Pending, "withdraw")] = AgreementStatus.Withdrawn,
            [(AgreementStatus.Pending, "decline")] = AgreementStatus.Declined,
            [(AgreementStatus.Pending, "sign")] = AgreementStatus.Active,
            [(AgreementStatus.Active, "suspend")] = AgreementStatus.Suspended,
            [(AgreementStatus.Active, "terminate")] = AgreementStatus.Terminated,
            [(AgreementStatus.Active, "supersede")] = AgreementStatus.Superseded,
            [(AgreementStatus.Active, "addendum")] = AgreementStatus.Active,
            [(AgreementStatus.Suspended, "reinstate")] = AgreementStatus.Active,
            [(AgreementStatus.Suspended, "terminate")] = AgreementStatus.Terminated,
            [(AgreementStatus.Suspended, "supersede")] = AgreementStatus.Superseded,
        };
        var data = new TheoryData<AgreementStatus, string, AgreementStatus?>();
        AgreementStatus[] statuses = [AgreementStatus.Pending, AgreementStatus.Withdrawn, AgreementStatus.Declined, AgreementStatus.Active,
            AgreementStatus.Suspended, AgreementStatus.Terminated, AgreementStatus.Superseded];
        foreach (var status in statuses)
        {
            foreach (var action in new[] { "withdraw", "decline", "sign", "suspend", "reinstate", "terminate", "supersede", "addendum" })
            {
                data.Add(status, action, legal.TryGetValue((status, action), out var next) ? next : null);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Every_action_from_every_status_is_taken_or_refused_naming_the_current_status(
        AgreementStatus from, string action, AgreementStatus? expected)
    {
        var agreement = await InStatusAsync(from);
        agreement.Status.ShouldBe(from);

        if (expected is { } next)
        {
            var after = await Do(action, agreement.AgreementId);
            after.Status.ShouldBe(next);
            var history = (await Staff.GetAgreementHistoryAsync(new() { AgreementId = agreement.AgreementId })).Transitions;
            history.Last().FromStatus.ShouldBe(from);
            history.Last().ToStatus.ShouldBe(next);
            history.Last().Actor.ShouldBe("staff@test");
            history.Last().ActorRole.ShouldBe("program-staff");
        }
        else
        {
            var refusal = await Should.ThrowAsync<RpcException>(() => Do(action, agreement.AgreementId));
            refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
            refusal.Status.Detail.ShouldContain($"is {from.ToString().ToLowerInvariant()}");
            (await Staff.GetAgreementAsync(new() { AgreementId = agreement.AgreementId })).Agreement.Status.ShouldBe(from);
        }
    }

    [Fact]
    public async Task The_history_keeps_every_transition_with_who_and_when_in_order()
    {
        var pending = await _system.PendingAsync();
        await Do("sign", pending.AgreementId);
        await Do("suspend", pending.AgreementId);
        await Staff.ReinstateAgreementAsync(new() { AgreementId = pending.AgreementId, Note = "cleared" },
            new Metadata { { "Authorization", $"Bearer {_system.Tokens.Staff()}" } });

        var history = (await Staff.GetAgreementHistoryAsync(new() { AgreementId = pending.AgreementId })).Transitions;

        history.Select(t => t.Action).ShouldBe(["submitted", "sign", "suspend", "reinstate"]);
        history.Select(t => t.ToStatus).ShouldBe([AgreementStatus.Pending, AgreementStatus.Active, AgreementStatus.Suspended, AgreementStatus.Active]);
        history.Select(t => t.RecordedAt.ToDateTime()).ShouldBeInOrder();
        history[2].Note.ShouldBe("misconduct inquiry");
    }

    [Fact]
    public async Task Signing_makes_the_agreement_active_from_the_date_ICE_signed()
    {
        var pending = await _system.PendingAsync();

        var signed = await Do("sign", pending.AgreementId);

        signed.ActiveFrom.ShouldBe(DaysAgo(1));
        signed.IceSignature.SignerName.ShouldBe("Ana Official");
    }

    [Fact]
    public async Task ICE_cannot_sign_before_the_agency_signed_the_MOA()
    {
        var pending = await _system.PendingAsync(); // the agency signed 10 days ago

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.SignAgreementAsync(new()
        {
            AgreementId = pending.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(20) },
        }).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldContain("ice_signature.signed_on");
    }

    [Fact]
    public async Task A_termination_takes_effect_90_days_after_notice_unless_a_date_is_given()
    {
        var first = await _system.ActiveAsync();
        var second = await _system.ActiveAsync();

        var byDefault = (await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = first.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = Date(2026, 1, 15),
        })).Agreement;
        var stated = (await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = second.AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = Date(2026, 1, 15), EffectiveOn = Date(2026, 2, 1),
        })).Agreement;

        byDefault.Status.ShouldBe(AgreementStatus.Terminated);
        byDefault.Termination.EffectiveOn.ShouldBe(Date(2026, 4, 15));
        byDefault.Termination.NoticeGivenBy.ShouldBe(Party.Agency);
        stated.Termination.EffectiveOn.ShouldBe(Date(2026, 2, 1));
    }

    [Fact]
    public async Task An_agreement_under_notice_stays_on_the_participating_list_until_the_effective_date()
    {
        var agreement = await _system.ActiveAsync(state: "WY");
        await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = agreement.AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(0), EffectiveOn = DaysAgo(-30),
        });

        var now = (await Staff.ListParticipatingAgreementsAsync(new() { State = "WY" })).Agreements.Select(a => a.AgreementId);
        var after = (await Staff.ListParticipatingAgreementsAsync(new()
        {
            State = "WY", AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(31)),
        })).Agreements.Select(a => a.AgreementId);

        now.ShouldContain(agreement.AgreementId);
        after.ShouldNotContain(agreement.AgreementId);
    }

    [Fact]
    public async Task A_re_signed_agreement_supersedes_the_old_one_and_takes_its_place()
    {
        var old = await _system.ActiveAsync(Model.Wso);

        var response = await Staff.SupersedeAgreementAsync(new()
        {
            AgreementId = old.AgreementId, Moa = Document("%PDF re-signed", DaysAgo(1)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(0) },
        });

        response.Superseded.Status.ShouldBe(AgreementStatus.Superseded);
        response.Superseded.SupersededBy.ShouldBe(response.Replacement.AgreementId);
        response.Replacement.Status.ShouldBe(AgreementStatus.Active);
        response.Replacement.Supersedes.ShouldBe(old.AgreementId);
        response.Replacement.Agency.AgencyId.ShouldBe(old.Agency.AgencyId);
        response.Replacement.Model.ShouldBe(Model.Wso);
        response.Replacement.ActiveFrom.ShouldBe(DaysAgo(0));
    }

    [Fact]
    public async Task An_addendum_is_recorded_on_the_agreement_with_its_document_hash()
    {
        var agreement = await _system.ActiveAsync();

        var after = (await Staff.RecordAddendumAsync(new()
        {
            AgreementId = agreement.AgreementId, Description = "Adds the annex jail", Document = Document("%PDF addendum 1", DaysAgo(0)),
        })).Agreement;

        after.Addenda.Count.ShouldBe(1);
        after.Addenda[0].Description.ShouldBe("Adds the annex jail");
        after.Addenda[0].Document.Sha256.ShouldBe(Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData("%PDF addendum 1"u8.ToArray())));
        (await Staff.GetAgreementAsync(new() { AgreementId = agreement.AgreementId })).Agreement.Addenda.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ICE_decisions_are_for_program_staff_only()
    {
        var pending = await _system.PendingAsync();
        var agencyUser = _system.Agreements(_system.Tokens.AgencyUser(pending.Agency.AgencyId));

        var refusal = await Should.ThrowAsync<RpcException>(() => agencyUser.SignAgreementAsync(new()
        {
            AgreementId = pending.AgreementId,
            IceSignature = new Signature { SignerName = "Self", SignerTitle = "Sheriff", SignedOn = DaysAgo(0) },
        }).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_agency_may_withdraw_its_own_application_and_give_notice_but_not_in_ICE_s_name()
    {
        var pending = await _system.PendingAsync();
        var active = await _system.ActiveAsync();
        var ownUser = _system.Agreements(_system.Tokens.AgencyUser(pending.Agency.AgencyId));
        var activeUser = _system.Agreements(_system.Tokens.AgencyUser(active.Agency.AgencyId));

        (await ownUser.WithdrawApplicationAsync(new() { AgreementId = pending.AgreementId })).Agreement.Status
            .ShouldBe(AgreementStatus.Withdrawn);
        var impersonation = await Should.ThrowAsync<RpcException>(() => activeUser.TerminateAgreementAsync(new()
        {
            AgreementId = active.AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(0),
        }).ResponseAsync);
        impersonation.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var otherAgency = await Should.ThrowAsync<RpcException>(() => ownUser.TerminateAgreementAsync(new()
        {
            AgreementId = active.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = DaysAgo(0),
        }).ResponseAsync);
        otherAgency.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await activeUser.TerminateAgreementAsync(new()
        {
            AgreementId = active.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = DaysAgo(0),
        })).Agreement.Status.ShouldBe(AgreementStatus.Terminated);
    }
}
