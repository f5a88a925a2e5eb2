using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.ServiceTests.Agreements;
using Program287g.Testing;

namespace Program287g.ServiceTests.Nominees;

[Collection(ServersCollection.Name)]
public sealed class NominationTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;

    private NomineeService.NomineeServiceClient Staff => _system.Nominees();

    [Fact]
    public async Task A_nomination_under_an_active_agreement_is_recorded_eligible_with_its_agency_and_agreement()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Wso, "FL");
        var request = NomineeSystem.Nomination(agreement);

        var nominee = (await Staff.NominateOfficerAsync(request)).Nominee;

        nominee.Status.ShouldBe(NomineeStatus.Eligible);
        nominee.Eligibility.Eligible.ShouldBeTrue();
        nominee.Eligibility.Reasons.ShouldBeEmpty();
        nominee.Eligibility.DecidedOn.ShouldBe(_system.DaysAgo(0));
        nominee.ReferenceNumber.ShouldMatch($@"^287G-N-{_system.Today.Year}-\d{{6}}$");
        nominee.Agency.AgencyId.ShouldBe(agreement.Agency.AgencyId);
        nominee.Agency.State.ShouldBe("FL");
        nominee.Agreement.AgreementId.ShouldBe(agreement.AgreementId);
        nominee.Agreement.ReferenceNumber.ShouldBe(agreement.ReferenceNumber);
        nominee.Agreement.Model.ShouldBe(Model.Wso);
        nominee.Officer.FamilyName.ShouldBe(request.Officer.FamilyName);
        nominee.Officer.DateOfBirth.ShouldBe(request.Officer.DateOfBirth);
        nominee.UsCitizen.ShouldBeTrue();
        nominee.FirstSwornOn.ShouldBe(request.FirstSwornOn);
        nominee.Attestation.AttestedBy.ShouldBe("Sheriff Pat Example");
        (await Staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee.ShouldBe(nominee);
    }

    [Fact]
    public async Task A_nomination_raises_OfficerNominated_to_the_agencys_point_of_contact_and_the_eligibility_decision()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Jem);
        var nominee = (await Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, citizen: false))).Nominee;

        var nominated = (await _system.OutboxAsync("OfficerNominated", nominee.NomineeId)).ShouldHaveSingleItem();
        nominated.GetProperty("Nominee").GetProperty("ReferenceNumber").GetString().ShouldBe(nominee.ReferenceNumber);
        nominated.GetProperty("Nominee").GetProperty("ContactEmail").GetString().ShouldBe("jo.contact@example.gov");
        nominated.GetProperty("Nominee").GetProperty("AgreementReference").GetString().ShouldBe(agreement.ReferenceNumber);
        nominated.GetProperty("NominatedBy").GetString().ShouldBe("Sheriff Pat Example");
        var decided = (await _system.OutboxAsync("NomineeEligibilityDecided", nominee.NomineeId)).ShouldHaveSingleItem();
        decided.GetProperty("Eligible").GetBoolean().ShouldBeFalse();
        decided.GetProperty("Reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["not-us-citizen"]);
        // Personal data stays out of events.
        nominated.GetRawText().ShouldNotContain("1985");
        nominated.GetRawText().ShouldNotContain("jordan.rivera@");
    }

    [Fact]
    public async Task An_ineligible_nominee_is_kept_with_every_reason_and_can_go_no_further()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Tfm);
        var nominee = (await Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, firstSworn: _system.DaysAgo(100),
            citizen: false, attests: false))).Nominee;

        nominee.Status.ShouldBe(NomineeStatus.Ineligible);
        nominee.Eligibility.Reasons.ShouldBe([IneligibilityReason.NotUsCitizen, IneligibilityReason.NoJurisdictionAttestation,
            IneligibilityReason.LessThanTwoYearsSworn]);
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            Staff.StartBackgroundInvestigationAsync(new() { NomineeId = nominee.NomineeId, StartedOn = _system.DaysAgo(0) }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain("is ineligible");
        (await Staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee.Status.ShouldBe(NomineeStatus.Ineligible);
    }

    [Fact]
    public async Task The_same_officer_cannot_hold_two_open_nominations_under_one_agreement_but_may_be_nominated_again_once_closed()
    {
        var agreement = await _system.ActiveAgreementAsync();
        var first = (await Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, badge: "tx-4411"))).Nominee;

        var duplicate = await Should.ThrowAsync<RpcException>(() =>
            Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, badge: " TX-4411 ")).ResponseAsync);
        duplicate.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        duplicate.Resource()!.ResourceName.ShouldBe(first.NomineeId);

        await Staff.WithdrawNominationAsync(new() { NomineeId = first.NomineeId, Reason = "resubmitting" });
        var again = (await Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, badge: "TX-4411"))).Nominee;
        again.NomineeId.ShouldNotBe(first.NomineeId);
        again.Status.ShouldBe(NomineeStatus.Eligible);
    }

    [Fact]
    public async Task Eight_concurrent_nominations_of_one_officer_make_one_nominee()
    {
        var agreement = await _system.ActiveAgreementAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement, badge: "race-1"));
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        outcomes.Count(code => code == StatusCode.OK).ShouldBe(1);
        outcomes.Count(code => code == StatusCode.AlreadyExists).ShouldBe(7);
    }

    [Fact]
    public async Task An_unknown_agreement_or_agency_is_not_found_naming_it()
    {
        var agreement = await _system.ActiveAgreementAsync();
        var unknownAgreement = Guid.NewGuid().ToString();
        var request = NomineeSystem.Nomination(agreement);
        request.AgreementId = unknownAgreement;
        var missing = await Should.ThrowAsync<RpcException>(() => Staff.NominateOfficerAsync(request).ResponseAsync);
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
        missing.Resource()!.ResourceType.ShouldBe("agreement");
        missing.Resource()!.ResourceName.ShouldBe(unknownAgreement);

        var unknownAgency = Guid.NewGuid().ToString();
        request = NomineeSystem.Nomination(agreement);
        request.AgencyId = unknownAgency;
        missing = await Should.ThrowAsync<RpcException>(() => Staff.NominateOfficerAsync(request).ResponseAsync);
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
        missing.Resource()!.ResourceType.ShouldBe("agency");
    }

    [Fact]
    public async Task An_agreement_of_another_agency_is_refused()
    {
        var theirs = await _system.ActiveAgreementAsync();
        var ours = await _system.ActiveAgreementAsync();
        var request = NomineeSystem.Nomination(theirs);
        request.AgencyId = ours.Agency.AgencyId;

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.NominateOfficerAsync(request).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain($"is not an agreement of agency {ours.Agency.AgencyId}");
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("suspended")]
    [InlineData("terminated")]
    [InlineData("withdrawn")]
    public async Task Officers_are_nominated_only_under_an_active_agreement(string status)
    {
        var agreements = _system.Programs.Agreements();
        var agreement = status is "pending" or "withdrawn"
            ? await _system.Programs.PendingAsync()
            : await _system.ActiveAgreementAsync();
        agreement = status switch
        {
            "suspended" => (await agreements.SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "review" })).Agreement,
            "terminated" => (await agreements.TerminateAgreementAsync(new()
            {
                AgreementId = agreement.AgreementId, NoticeGivenBy = Party.Agency, NoticeDate = AgreementSystem.DaysAgo(0),
            })).Agreement,
            "withdrawn" => (await agreements.WithdrawApplicationAsync(new() { AgreementId = agreement.AgreementId })).Agreement,
            _ => agreement,
        };

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement)).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain($"is {status}; officers are nominated only under an active (signed) agreement");
    }

    [Fact]
    public async Task The_training_catalog_lists_a_course_per_model_with_its_exams_and_the_pass_mark()
    {
        var catalog = await Staff.ListTrainingCoursesAsync(new());

        catalog.PassMarkPercent.ShouldBe(70);
        catalog.AttemptsPerExam.ShouldBe(2);
        catalog.Courses.Select(c => c.Model).Order().ShouldBe([Model.Jem, Model.Tfm, Model.Wso]);
        var jem = catalog.Courses.Single(c => c.Model == Model.Jem);
        (jem.Delivery, jem.DurationWeeks, jem.DurationHours).ShouldBe(("in-person", 4, 160));
        var tfm = catalog.Courses.Single(c => c.Model == Model.Tfm);
        (tfm.Delivery, tfm.DurationHours).ShouldBe(("online", 40));
        var wso = catalog.Courses.Single(c => c.Model == Model.Wso);
        (wso.Delivery, wso.DurationHours).ShouldBe(("online", 8));
        catalog.Courses.ShouldAllBe(c => c.Exams.Count > 0);
        (await Staff.ListTrainingCoursesAsync(new() { Model = Model.Tfm })).Courses.ShouldHaveSingleItem().CourseId.ShouldBe("tfm-basic");
    }
}
