using FluentValidation;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Nominee.Grpc.Validation;

public sealed class GetNomineeValidator : AbstractValidator<GetNomineeRequest>
{
    public GetNomineeValidator() => RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
}

public sealed class GetNomineeHistoryValidator : AbstractValidator<GetNomineeHistoryRequest>
{
    public GetNomineeHistoryValidator() => RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
}

public sealed class WithdrawNominationValidator : AbstractValidator<WithdrawNominationRequest>
{
    public WithdrawNominationValidator()
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.Reason).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class StartBackgroundInvestigationValidator : AbstractValidator<StartBackgroundInvestigationRequest>
{
    public StartBackgroundInvestigationValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.StartedOn).MustBeDate("started_on").MustNotBeFuture("started_on", clock);
    }
}

public sealed class RecordBackgroundResultValidator : AbstractValidator<RecordBackgroundResultRequest>
{
    public RecordBackgroundResultValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.Outcome).Must(o => o is BackgroundOutcome.Passed or BackgroundOutcome.Failed)
            .WithMessage("'outcome' must be PASSED or FAILED.");
        RuleFor(r => r.CompletedOn).MustBeDate("completed_on").MustNotBeFuture("completed_on", clock);
        RuleFor(r => r.Note).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class ListTrainingCoursesValidator : AbstractValidator<ListTrainingCoursesRequest>
{
    public ListTrainingCoursesValidator() => RuleFor(r => r.Model).MustBeModelOrAny();
}

public sealed class EnrollInTrainingValidator : AbstractValidator<EnrollInTrainingRequest>
{
    /// <summary>A class may be booked ahead, but not beyond a year.</summary>
    public const int MaxDaysAhead = 366;

    public EnrollInTrainingValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.CourseId).MustBeSaidText(100);
        RuleFor(r => r.StartsOn).MustBeDate("starts_on").MustBeWithinDaysAhead("starts_on", MaxDaysAhead, clock);
    }
}

public sealed class RecordExamResultValidator : AbstractValidator<RecordExamResultRequest>
{
    public RecordExamResultValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.ExamId).MustBeSaidText(100);
        RuleFor(r => r.Attempt).InclusiveBetween(1, 10).WithMessage("'attempt' must be 1 for the first attempt, 2 for the retake.");
        RuleFor(r => r.ScorePercent).InclusiveBetween(0, 100).WithMessage("'score_percent' must be 0 to 100.");
        RuleFor(r => r.TakenOn).MustBeDate("taken_on").MustNotBeFuture("taken_on", clock);
    }
}

public sealed class CertifyOfficerValidator : AbstractValidator<CertifyOfficerRequest>
{
    public CertifyOfficerValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.CertifiedOn).MustBeDate("certified_on").MustNotBeFuture("certified_on", clock);
        RuleFor(r => r.CertifiedBy).MustBeSaidText();
        RuleFor(r => r.CertifiedByTitle).MustBeSaidText();
    }
}
