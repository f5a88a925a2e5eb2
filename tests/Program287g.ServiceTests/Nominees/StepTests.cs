using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Nominees;

/// <summary>What each step records and the refusals particular to it.</summary>
[Collection(ServersCollection.Name)]
public sealed class StepTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private NomineeService.NomineeServiceClient Staff => _system.Nominees();

    private Task<Program287g.Nominee.V1.Nominee> InStatusAsync(NomineeStatus status, Model model = Model.Jem) =>
        _system.SharedAgreementAsync(model).ContinueWith(agreement => _path.InStatusAsync(status, agreement.Result)).Unwrap();

    [Fact]
    public async Task A_failed_background_investigation_ends_the_nomination_with_its_date()
    {
        var nominee = await InStatusAsync(NomineeStatus.BackgroundInProgress);

        var failed = await _path.Do("fail-background", nominee);

        failed.Status.ShouldBe(NomineeStatus.BackgroundFailed);
        failed.Background.Outcome.ShouldBe(BackgroundOutcome.Failed);
        failed.Background.CompletedOn.ShouldBe(_system.DaysAgo(0));
        var refusal = await Should.ThrowAsync<RpcException>(() => _path.Do("enroll", failed));
        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await _system.OutboxAsync("BackgroundInvestigationRecorded", nominee.NomineeId)).ShouldHaveSingleItem()
            .GetProperty("Passed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Nothing_happens_before_the_background_investigation_passes()
    {
        var nominee = await InStatusAsync(NomineeStatus.BackgroundInProgress);

        foreach (var step in new[] { "enroll", "record-exam", "certify", "issue-authorization" })
        {
            (await Should.ThrowAsync<RpcException>(() => _path.Do(step, nominee))).StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        }
        (await Staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee.ShouldBe(nominee);
    }

    [Fact]
    public async Task A_step_dated_before_the_step_it_follows_is_refused_naming_the_date_field()
    {
        var nominee = await InStatusAsync(NomineeStatus.BackgroundInProgress);
        var early = await Should.ThrowAsync<RpcException>(() => Staff.RecordBackgroundResultAsync(new()
        {
            NomineeId = nominee.NomineeId, Outcome = BackgroundOutcome.Passed, CompletedOn = _system.DaysAgo(1),
        }).ResponseAsync);
        early.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        early.BadFields().ShouldBe(["completed_on"]);

        var eligible = await InStatusAsync(NomineeStatus.Eligible);
        early = await Should.ThrowAsync<RpcException>(() => Staff.StartBackgroundInvestigationAsync(new()
        {
            NomineeId = eligible.NomineeId, StartedOn = _system.DaysAgo(3),
        }).ResponseAsync);
        early.BadFields().ShouldBe(["started_on"]);
    }

    [Fact]
    public async Task Enrolment_takes_only_a_course_of_the_catalog_for_the_model_of_the_agreement()
    {
        var nominee = await InStatusAsync(NomineeStatus.Cleared, Model.Tfm);

        var wrongModel = await Should.ThrowAsync<RpcException>(() => Staff.EnrollInTrainingAsync(new()
        {
            NomineeId = nominee.NomineeId, CourseId = "jem-basic", StartsOn = _system.DaysAgo(0),
        }).ResponseAsync);
        wrongModel.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        wrongModel.BadFields().ShouldBe(["course_id"]);
        wrongModel.BadFieldDescription("course_id")!.ShouldContain("trains for JEM; this nominee is nominated under a TFM agreement");
        var unknown = await Should.ThrowAsync<RpcException>(() => Staff.EnrollInTrainingAsync(new()
        {
            NomineeId = nominee.NomineeId, CourseId = "no-such-course", StartsOn = _system.DaysAgo(0),
        }).ResponseAsync);
        unknown.BadFields().ShouldBe(["course_id"]);

        var enrolled = await _path.Do("enroll", nominee);
        enrolled.Training.CourseId.ShouldBe("tfm-basic");
        enrolled.Training.CourseTitle.ShouldBe("287(g) Task Force Model training");
        enrolled.Training.Exams.ShouldHaveSingleItem().ExamId.ShouldBe("final");
        (await _system.OutboxAsync("TrainingEnrolled", nominee.NomineeId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_first_failure_leaves_one_retake_and_a_pass_on_the_retake_completes_training()
    {
        var nominee = await InStatusAsync(NomineeStatus.InTraining);

        var failed = await Staff.RecordExamResultAsync(Exam(nominee, attempt: 1, score: 69));
        failed.Passed.ShouldBeFalse();
        failed.Nominee.Status.ShouldBe(NomineeStatus.InTraining);
        var passed = await Staff.RecordExamResultAsync(Exam(nominee, attempt: 2, score: 70));

        passed.Passed.ShouldBeTrue();
        passed.Nominee.Status.ShouldBe(NomineeStatus.Trained);
        passed.Nominee.Training.CompletedOn.ShouldBe(_system.DaysAgo(0));
        var exam = passed.Nominee.Training.Exams.ShouldHaveSingleItem();
        exam.Passed.ShouldBeTrue();
        exam.Attempts.Select(a => (a.Attempt, a.ScorePercent, a.Passed)).ShouldBe([(1, 69, false), (2, 70, true)]);
        (await _system.OutboxAsync("TrainingCompleted", nominee.NomineeId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_second_failure_dismisses_the_nominee()
    {
        var nominee = await InStatusAsync(NomineeStatus.InTraining);
        await Staff.RecordExamResultAsync(Exam(nominee, attempt: 1, score: 12));

        var second = await Staff.RecordExamResultAsync(Exam(nominee, attempt: 2, score: 69));

        second.Passed.ShouldBeFalse();
        second.Nominee.Status.ShouldBe(NomineeStatus.Dismissed);
        second.Nominee.StatusReason.ShouldContain("2 times");
        (await _system.OutboxAsync("NomineeDismissed", nominee.NomineeId)).ShouldHaveSingleItem();
        (await Should.ThrowAsync<RpcException>(() => Staff.RecordExamResultAsync(Exam(nominee, attempt: 3, score: 99)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task An_attempt_recorded_again_as_it_was_changes_nothing_and_one_that_differs_is_refused()
    {
        var nominee = await InStatusAsync(NomineeStatus.InTraining);
        var first = await Staff.RecordExamResultAsync(Exam(nominee, attempt: 1, score: 50));

        var repeat = await Staff.RecordExamResultAsync(Exam(nominee, attempt: 1, score: 50));
        repeat.Nominee.ShouldBe(first.Nominee);
        repeat.Passed.ShouldBeFalse();

        var conflict = await Should.ThrowAsync<RpcException>(() => Staff.RecordExamResultAsync(Exam(nominee, attempt: 1, score: 90)).ResponseAsync);
        conflict.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        conflict.Resource()!.ResourceName.ShouldBe($"{nominee.NomineeId}/final/1");
        (await Staff.GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId })).Steps.Count(s => s.Action == "exam-failed").ShouldBe(1);
    }

    [Fact]
    public async Task A_retake_before_a_first_attempt_and_an_unknown_exam_are_refused()
    {
        var nominee = await InStatusAsync(NomineeStatus.InTraining);

        var outOfOrder = await Should.ThrowAsync<RpcException>(() => Staff.RecordExamResultAsync(Exam(nominee, attempt: 2, score: 80)).ResponseAsync);
        outOfOrder.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        outOfOrder.Status.Detail.ShouldContain("the next is attempt 1");
        var request = Exam(nominee, attempt: 1, score: 80);
        request.ExamId = "midterm";
        (await Should.ThrowAsync<RpcException>(() => Staff.RecordExamResultAsync(request).ResponseAsync)).BadFields().ShouldBe(["exam_id"]);
    }

    [Fact]
    public async Task A_passed_exam_is_not_retaken()
    {
        var nominee = await InStatusAsync(NomineeStatus.Trained);

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.RecordExamResultAsync(Exam(nominee, attempt: 2, score: 99)).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain("who is trained");
    }

    [Theory]
    [InlineData(Model.Jem, 24, null)]
    [InlineData(Model.Tfm, 24, 24)]
    [InlineData(Model.Wso, 12, null)]
    public async Task An_authorization_has_a_number_an_issue_date_and_the_models_refresher_and_term(Model model, int refresherMonths,
        int? termMonths)
    {
        var nominee = await InStatusAsync(NomineeStatus.Authorized, model);

        var authorization = nominee.Authorization;
        authorization.AuthorizationNumber.ShouldMatch($@"^DIO-{_system.Today.Year}-\d{{6}}$");
        authorization.IssuedOn.ShouldBe(_system.DaysAgo(0));
        authorization.IssuingOffice.ShouldBe("ERO Houston Field Office");
        authorization.Status.ShouldBe(AuthorizationStatus.Active);
        authorization.RefresherDueOn.ShouldBe(NomineeSystem.Date(_system.Today.AddMonths(refresherMonths)));
        authorization.ExpiresOn.ShouldBe(termMonths is { } months ? NomineeSystem.Date(_system.Today.AddMonths(months)) : null);
        nominee.Certification.CertifiedBy.ShouldBe("Dana Trainer");
        var issued = (await _system.OutboxAsync("AuthorizationIssued", nominee.NomineeId)).ShouldHaveSingleItem();
        issued.GetProperty("AuthorizationNumber").GetString().ShouldBe(authorization.AuthorizationNumber);
        issued.GetProperty("Nominee").GetProperty("ContactEmail").GetString().ShouldBe("jo.contact@example.gov");
    }

    [Fact]
    public async Task Authorization_numbers_are_never_given_twice()
    {
        var first = await InStatusAsync(NomineeStatus.Authorized);
        var second = await InStatusAsync(NomineeStatus.Authorized);

        second.Authorization.AuthorizationNumber.ShouldNotBe(first.Authorization.AuthorizationNumber);
    }

    [Fact]
    public async Task A_suspension_and_a_revocation_carry_their_reasons()
    {
        var nominee = await InStatusAsync(NomineeStatus.Suspended);
        nominee.Authorization.Status.ShouldBe(AuthorizationStatus.Suspended);
        nominee.Authorization.SuspensionCause.ShouldBe(SuspensionCause.Officer);
        nominee.Authorization.Reason.ShouldBe("use-of-force inquiry");

        var revoked = await _path.Do("revoke", nominee);

        revoked.Status.ShouldBe(NomineeStatus.Revoked);
        revoked.Authorization.Status.ShouldBe(AuthorizationStatus.Revoked);
        revoked.Authorization.Reason.ShouldBe("misconduct substantiated");
        (await _system.OutboxAsync("AuthorizationSuspended", nominee.NomineeId)).ShouldHaveSingleItem().GetProperty("Cause").GetString()
            .ShouldBe("officer");
        (await _system.OutboxAsync("AuthorizationRevoked", nominee.NomineeId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Refresher_training_moves_the_next_refresher_and_the_term_on()
    {
        var nominee = await InStatusAsync(NomineeStatus.Authorized, Model.Tfm);
        _system.Clock.Advance(TimeSpan.FromDays(400));

        var refreshed = await _path.Do("record-refresher", nominee);

        refreshed.Status.ShouldBe(NomineeStatus.Authorized);
        refreshed.Authorization.RefresherDueOn.ShouldBe(NomineeSystem.Date(_system.Today.AddMonths(24)));
        refreshed.Authorization.ExpiresOn.ShouldBe(NomineeSystem.Date(_system.Today.AddMonths(24)));
        (await _system.OutboxAsync("RefresherTrainingRecorded", nominee.NomineeId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_history_holds_every_step_in_order_with_who_and_when()
    {
        var nominee = await InStatusAsync(NomineeStatus.Authorized);

        var history = (await Staff.GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId })).Steps;

        history.Select(s => s.Action).ShouldBe(["nominated", "background-started", "background-passed", "enrolled", "training-completed",
            "certified", "authorized"]);
        history.Select(s => s.ToStatus).ShouldBe([NomineeStatus.Eligible, NomineeStatus.BackgroundInProgress, NomineeStatus.Cleared,
            NomineeStatus.InTraining, NomineeStatus.Trained, NomineeStatus.Certified, NomineeStatus.Authorized]);
        history[0].FromStatus.ShouldBe(NomineeStatus.Unspecified);
        history.ShouldAllBe(s => s.Actor == "staff@test" && s.ActorRole == "program-staff");
        history[^1].Note.ShouldContain(nominee.Authorization.AuthorizationNumber);
    }

    [Fact]
    public async Task No_authorization_is_issued_while_the_agreement_is_suspended()
    {
        var agreement = await _system.ActiveAgreementAsync();
        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, agreement);
        var nominee = await _path.InStatusAsync(NomineeStatus.Certified, agreement);
        await _system.Programs.Agreements().SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "review" });
        // The officer's authorization is suspended with the agreement once the Nominee service has heard of it.
        await Eventually.ReturnsAsync(async () => (await Staff.GetNomineeAsync(new() { NomineeId = officer.NomineeId })).Nominee.Status,
            status => status == NomineeStatus.Suspended, TimeSpan.FromSeconds(30));

        var refusal = await Should.ThrowAsync<RpcException>(() => _path.Do("issue-authorization", nominee));

        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain($"Agreement {agreement.ReferenceNumber} is suspended");
        (await Staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee.Status.ShouldBe(NomineeStatus.Certified);
    }

    private RecordExamResultRequest Exam(Program287g.Nominee.V1.Nominee nominee, int attempt, int score) => new()
    {
        NomineeId = nominee.NomineeId, ExamId = "final", Attempt = attempt, ScorePercent = score, TakenOn = _system.DaysAgo(0),
    };
}
