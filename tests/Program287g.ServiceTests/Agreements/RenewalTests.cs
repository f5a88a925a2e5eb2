using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

/// <summary>Renewals through the API: SubmitApplication with renews_agreement_id, and SignAgreement superseding the
/// agreement renewed.</summary>
[Collection(ServersCollection.Name)]
public sealed class RenewalTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private static SubmitApplicationRequest Renewal(Program287g.Agreement.V1.Agreement renewed, int signedDaysAgo = 3)
    {
        var request = Application(renewed.Agency.AgencyId, renewed.Model, signedDaysAgo);
        request.RenewsAgreementId = renewed.AgreementId;
        return request;
    }

    private Task<SignAgreementResponse> SignAsync(string agreementId, int daysAgo) => Staff.SignAgreementAsync(new SignAgreementRequest
    {
        AgreementId = agreementId,
        IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(daysAgo) },
    }).ResponseAsync;

    private async Task<Program287g.Agreement.V1.Agreement> GetAsync(string id) =>
        (await Staff.GetAgreementAsync(new() { AgreementId = id })).Agreement;

    [Fact]
    public async Task A_renewal_is_pending_beside_the_agreement_it_renews_and_signing_it_supersedes_that_agreement_in_one_step()
    {
        var renewed = await _system.ActiveAsync(Model.Jem, state: "WY", signedDaysAgo: 10);

        var renewal = (await Staff.SubmitApplicationAsync(Renewal(renewed))).Agreement;

        renewal.Status.ShouldBe(AgreementStatus.Pending);
        renewal.Renews.ShouldBe(renewed.AgreementId);
        (await GetAsync(renewed.AgreementId)).Status.ShouldBe(AgreementStatus.Active);
        var pendingInWyoming = await Staff.ListPendingApplicationsAsync(new() { State = "WY", Model = Model.Jem, PageSize = 500 });
        pendingInWyoming.Applications.ShouldContain(a => a.AgreementId == renewal.AgreementId);

        var signed = (await SignAsync(renewal.AgreementId, daysAgo: 1)).Agreement;

        signed.Status.ShouldBe(AgreementStatus.Active);
        (signed.Supersedes, signed.Renews).ShouldBe((renewed.AgreementId, renewed.AgreementId));
        var old = await GetAsync(renewed.AgreementId);
        (old.Status, old.SupersededBy).ShouldBe((AgreementStatus.Superseded, renewal.AgreementId));
        var history = (await Staff.GetAgreementHistoryAsync(new() { AgreementId = renewed.AgreementId })).Transitions;
        history.Last().ToStatus.ShouldBe(AgreementStatus.Superseded);
        history.Last().EffectiveAt.ShouldBe(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
            Program287g.Domain.ProgramTime.StartOf(new DateOnly(signed.ActiveFrom.Year, signed.ActiveFrom.Month, signed.ActiveFrom.Day))));
        var inForce = (await Staff.ListParticipatingAgreementsAsync(new() { State = "WY", Model = Model.Jem, PageSize = 500 })).Agreements
            .Where(a => a.Agency.AgencyId == renewed.Agency.AgencyId).Select(a => a.AgreementId);
        inForce.ShouldBe([renewal.AgreementId]);
        (await _system.OutboxAsync("AgreementSuperseded", renewed.AgreementId)).ShouldHaveSingleItem()
            .GetProperty("SupersededBy").GetString().ShouldBe(renewal.AgreementId);
        (await _system.OutboxAsync("AgreementSigned", renewal.AgreementId)).ShouldHaveSingleItem()
            .GetProperty("Supersedes").GetString().ShouldBe(renewed.AgreementId);
    }

    [Fact]
    public async Task A_second_open_renewal_is_refused_with_FAILED_PRECONDITION_and_a_first_application_with_ALREADY_EXISTS()
    {
        var renewed = await _system.ActiveAsync(Model.Wso);
        var first = (await Staff.SubmitApplicationAsync(Renewal(renewed))).Agreement;

        var second = await Should.ThrowAsync<RpcException>(() => Staff.SubmitApplicationAsync(Renewal(renewed)).ResponseAsync);
        var plain = await Should.ThrowAsync<RpcException>(() =>
            Staff.SubmitApplicationAsync(Application(renewed.Agency.AgencyId, Model.Wso)).ResponseAsync);

        second.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        second.Status.Detail.ShouldContain(first.AgreementId);
        plain.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        plain.Status.Detail.ShouldContain("renews_agreement_id");
        // Withdrawn, the renewal frees the place for another.
        await Staff.WithdrawApplicationAsync(new() { AgreementId = first.AgreementId, Reason = "wrong MOA attached" });
        (await Staff.SubmitApplicationAsync(Renewal(renewed))).Agreement.Renews.ShouldBe(renewed.AgreementId);
        (await GetAsync(renewed.AgreementId)).Status.ShouldBe(AgreementStatus.Active);
    }

    [Fact]
    public async Task A_renews_agreement_id_that_is_no_UUID_or_another_agency_s_or_model_s_agreement_is_INVALID_ARGUMENT_naming_the_field()
    {
        var renewed = await _system.ActiveAsync(Model.Tfm);
        var otherAgency = await _system.ActiveAsync(Model.Tfm);

        foreach (var id in new[] { "not-a-uuid", otherAgency.AgreementId })
        {
            var request = Renewal(renewed);
            request.RenewsAgreementId = id;
            var refusal = await Should.ThrowAsync<RpcException>(() => Staff.SubmitApplicationAsync(request).ResponseAsync);
            refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument, id);
            refusal.BadFields().ShouldBe(["renews_agreement_id"], id);
        }
        var otherModel = Renewal(renewed);
        otherModel.Model = Model.Jem;
        (await Should.ThrowAsync<RpcException>(() => Staff.SubmitApplicationAsync(otherModel).ResponseAsync))
            .BadFields().ShouldBe(["renews_agreement_id"]);
    }

    [Fact]
    public async Task A_renewal_of_an_agreement_that_does_not_exist_is_NOT_FOUND_and_of_one_not_in_force_FAILED_PRECONDITION()
    {
        var agency = await _system.RegisterAgencyAsync();
        var missing = Application(agency.AgencyId);
        missing.RenewsAgreementId = Guid.NewGuid().ToString();
        var pending = await _system.PendingAsync(Model.Jem);
        var terminated = (await Staff.TerminateAgreementAsync(new()
        {
            AgreementId = (await _system.ActiveAsync(Model.Jem)).AgreementId, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(0),
        })).Agreement;

        var notFound = await Should.ThrowAsync<RpcException>(() => Staff.SubmitApplicationAsync(missing).ResponseAsync);
        notFound.StatusCode.ShouldBe(StatusCode.NotFound);
        notFound.Resource()!.ResourceName.ShouldBe(missing.RenewsAgreementId);
        foreach (var (agreement, status) in new[] { (pending, "pending"), (terminated, "terminated") })
        {
            var refusal = await Should.ThrowAsync<RpcException>(() =>
                Staff.SubmitApplicationAsync(Renewal(agreement)).ResponseAsync);
            refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition, status);
            refusal.Status.Detail.ShouldContain(status);
        }
    }

    [Fact]
    public async Task A_renewal_signed_no_later_than_the_day_its_agreement_took_effect_is_refused_and_changes_nothing()
    {
        var renewed = await _system.ActiveAsync(Model.Jem, signedDaysAgo: 2);
        var renewal = (await Staff.SubmitApplicationAsync(Renewal(renewed, signedDaysAgo: 2))).Agreement;

        var refusal = await Should.ThrowAsync<RpcException>(() => SignAsync(renewal.AgreementId, daysAgo: 2));

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["ice_signature.signed_on"]);
        (await GetAsync(renewed.AgreementId)).Status.ShouldBe(AgreementStatus.Active);
        (await GetAsync(renewal.AgreementId)).Status.ShouldBe(AgreementStatus.Pending);
    }

    [Fact]
    public async Task An_agency_user_may_renew_its_own_agency_s_agreement()
    {
        var renewed = await _system.ActiveAsync(Model.Wso);
        var own = _system.Agreements(_system.Tokens.AgencyUser(renewed.Agency.AgencyId));

        var renewal = (await own.SubmitApplicationAsync(Renewal(renewed))).Agreement;

        renewal.Renews.ShouldBe(renewed.AgreementId);
    }

    [Fact]
    public async Task A_renewal_of_an_agreement_re_signed_meanwhile_renews_the_replacement_and_signing_it_supersedes_that()
    {
        var renewed = await _system.ActiveAsync(Model.Tfm, signedDaysAgo: 10);
        var renewal = (await Staff.SubmitApplicationAsync(Renewal(renewed, signedDaysAgo: 8))).Agreement;
        var replacement = (await Staff.SupersedeAgreementAsync(new()
        {
            AgreementId = renewed.AgreementId, Moa = Document("%PDF re-signed", DaysAgo(6)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(5) },
        })).Replacement;

        (await GetAsync(renewal.AgreementId)).Renews.ShouldBe(replacement.AgreementId);
        (await SignAsync(renewal.AgreementId, daysAgo: 1)).Agreement.Supersedes.ShouldBe(replacement.AgreementId);
        (await GetAsync(replacement.AgreementId)).Status.ShouldBe(AgreementStatus.Superseded);
    }

    [Fact]
    public async Task A_renewal_of_an_agreement_terminated_meanwhile_is_signed_as_an_agreement_of_its_own()
    {
        var renewed = await _system.ActiveAsync(Model.Wso, signedDaysAgo: 10);
        var renewal = (await Staff.SubmitApplicationAsync(Renewal(renewed))).Agreement;
        await Staff.TerminateAgreementAsync(new() { AgreementId = renewed.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = DaysAgo(2) });

        var signed = (await SignAsync(renewal.AgreementId, daysAgo: 1)).Agreement;

        (signed.Status, signed.Supersedes).ShouldBe((AgreementStatus.Active, ""));
        (await GetAsync(renewed.AgreementId)).Status.ShouldBe(AgreementStatus.Terminated);
    }
}
