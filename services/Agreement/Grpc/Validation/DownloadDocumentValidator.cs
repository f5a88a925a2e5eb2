using FluentValidation;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agreement.Grpc.Validation;

public sealed class DownloadDocumentValidator : AbstractValidator<DownloadDocumentRequest>
{
    public DownloadDocumentValidator()
    {
        RuleFor(r => r.Sha256).Must(SignedDocumentValidator.IsSha256)
            .WithMessage("'sha256' must be the document's SHA-256 as 64 hex characters.");
        When(r => r.AgreementId.Length > 0, () => RuleFor(r => r.AgreementId).MustBeUuid("agreement_id"));
    }
}
