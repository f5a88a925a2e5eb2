using FluentValidation;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Nominee.Grpc.Validation;

public sealed class IssueAuthorizationValidator : AbstractValidator<IssueAuthorizationRequest>
{
    public IssueAuthorizationValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.IssuedOn).MustBeDate("issued_on").MustNotBeFuture("issued_on", clock);
        RuleFor(r => r.IssuingOffice).MustBeSaidText();
    }
}

public sealed class SuspendAuthorizationValidator : AbstractValidator<SuspendAuthorizationRequest>
{
    public SuspendAuthorizationValidator()
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.Reason).MustBeSaidText(RequestRules.MaxReasonLength);
    }
}

public sealed class ReinstateAuthorizationValidator : AbstractValidator<ReinstateAuthorizationRequest>
{
    public ReinstateAuthorizationValidator()
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.Note).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class RevokeAuthorizationValidator : AbstractValidator<RevokeAuthorizationRequest>
{
    public RevokeAuthorizationValidator()
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.Reason).MustBeSaidText(RequestRules.MaxReasonLength);
    }
}

public sealed class RecordRefresherTrainingValidator : AbstractValidator<RecordRefresherTrainingRequest>
{
    public RecordRefresherTrainingValidator(TimeProvider clock)
    {
        RuleFor(r => r.NomineeId).MustBeUuid("nominee_id");
        RuleFor(r => r.CompletedOn).MustBeDate("completed_on").MustNotBeFuture("completed_on", clock);
    }
}

public sealed class ListNomineesValidator : AbstractValidator<ListNomineesRequest>
{
    public const int MaxPageSize = 500;

    public ListNomineesValidator()
    {
        RuleFor(r => r.AgencyId).Must(id => id.Length == 0 || Guid.TryParse(id, out _)).WithMessage("'agency_id' must be empty or a UUID.");
        RuleFor(r => r.AgreementId).Must(id => id.Length == 0 || Guid.TryParse(id, out _)).WithMessage("'agreement_id' must be empty or a UUID.");
        RuleFor(r => r.Model).MustBeModelOrAny();
        RuleForEach(r => r.Statuses).Must(s => s != NomineeStatus.Unspecified && Enum.IsDefined(s))
            .WithMessage("'statuses' must hold nominee statuses only.");
        RuleFor(r => r.PageSize).InclusiveBetween(0, MaxPageSize);
        RuleFor(r => r.PageToken).MaximumLength(1000);
    }
}
