using FluentValidation;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agreement.Grpc.Validation;

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationRequest>
{
    public SubmitApplicationValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgencyId).MustBeUuid("agency_id");
        RuleFor(r => r.Model).Must(m => m != Model.Unspecified && Enum.IsDefined(m)).WithMessage("'model' must be JEM, TFM or WSO.");
        RuleFor(r => r.LetterOfInterest).NotNull().WithMessage("'letter_of_interest' (signed) is required.")
            .SetValidator(new SignedDocumentValidator(clock)!);
        RuleFor(r => r.Moa).NotNull().WithMessage("'moa' (signed by the agency) is required.")
            .SetValidator(new SignedDocumentValidator(clock)!);
        When(r => r.RenewsAgreementId.Length > 0, () => RuleFor(r => r.RenewsAgreementId).MustBeUuid("renews_agreement_id"));
    }
}

public sealed class GetAgreementValidator : AbstractValidator<GetAgreementRequest>
{
    public GetAgreementValidator() => RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
}

public sealed class GetAgreementHistoryValidator : AbstractValidator<GetAgreementHistoryRequest>
{
    public GetAgreementHistoryValidator() => RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
}

public sealed class WithdrawApplicationValidator : AbstractValidator<WithdrawApplicationRequest>
{
    public WithdrawApplicationValidator()
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Reason).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class DeclineApplicationValidator : AbstractValidator<DeclineApplicationRequest>
{
    public DeclineApplicationValidator()
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Reason).MustBeSaidText(RequestRules.MaxReasonLength);
    }
}

public sealed class SignAgreementValidator : AbstractValidator<SignAgreementRequest>
{
    public SignAgreementValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.IceSignature).NotNull().WithMessage("'ice_signature' is required.")
            .SetValidator(new SignatureValidator(clock)!);
    }
}

public sealed class SuspendAgreementValidator : AbstractValidator<SuspendAgreementRequest>
{
    public SuspendAgreementValidator()
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Reason).MustBeSaidText(RequestRules.MaxReasonLength);
    }
}

public sealed class ReinstateAgreementValidator : AbstractValidator<ReinstateAgreementRequest>
{
    public ReinstateAgreementValidator()
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Note).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class TerminateAgreementValidator : AbstractValidator<TerminateAgreementRequest>
{
    public TerminateAgreementValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.NoticeGivenBy).Must(p => p is Party.Agency or Party.Ice).WithMessage("'notice_given_by' must be AGENCY or ICE.");
        RuleFor(r => r.NoticeDate).MustBeDate("notice_date").MustNotBeFuture("notice_date", clock);
        When(r => r.EffectiveOn is not null, () =>
            RuleFor(r => r.EffectiveOn).MustBeDate("effective_on")
                .Must((r, effective) => r.NoticeDate.ToDateOnly() is not { } notice || effective.ToDateOnly() is not { } day || day >= notice)
                .WithMessage("'effective_on' cannot be before 'notice_date'."));
        RuleFor(r => r.Reason).MaximumLength(RequestRules.MaxReasonLength);
    }
}

public sealed class SupersedeAgreementValidator : AbstractValidator<SupersedeAgreementRequest>
{
    public SupersedeAgreementValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Moa).NotNull().WithMessage("'moa' (the re-signed MOA) is required.")
            .SetValidator(new SignedDocumentValidator(clock)!);
        RuleFor(r => r.IceSignature).NotNull().WithMessage("'ice_signature' is required.")
            .SetValidator(new SignatureValidator(clock)!);
    }
}

public sealed class RecordAddendumValidator : AbstractValidator<RecordAddendumRequest>
{
    public RecordAddendumValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Description).MustBeSaidText(RequestRules.MaxReasonLength);
        RuleFor(r => r.Document).NotNull().WithMessage("'document' (the signed addendum) is required.")
            .SetValidator(new SignedDocumentValidator(clock)!);
    }
}
