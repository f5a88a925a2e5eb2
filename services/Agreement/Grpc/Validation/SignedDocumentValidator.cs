using FluentValidation;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agreement.Grpc.Validation;

/// <summary>A signed document: its bytes (a PDF, up to 3 MiB) or an http(s) reference with a SHA-256, who signed it,
/// their title and a signing date that is real and not in the future.</summary>
internal sealed class SignedDocumentValidator : AbstractValidator<SignedDocument>
{
    public const int MaxBytes = 3 * 1024 * 1024;

    public SignedDocumentValidator(TimeProvider clock)
    {
        RuleFor(d => d.ContentCase).NotEqual(SignedDocument.ContentOneofCase.None)
            .OverridePropertyName("data").WithMessage("Give the document's 'data' or a 'reference' to it.");
        When(d => d.ContentCase == SignedDocument.ContentOneofCase.Data, () =>
            RuleFor(d => d.Data.Length).InclusiveBetween(1, MaxBytes).OverridePropertyName("data")
                .WithMessage($"'data' must hold the document: 1 byte to {MaxBytes / (1024 * 1024)} MiB."));
        When(d => d.ContentCase == SignedDocument.ContentOneofCase.Reference, () =>
        {
            RuleFor(d => d.Reference.Uri).Must(IsHttpUri).MaximumLength(2000)
                .WithMessage("'reference.uri' must be an absolute http(s) URI.");
            RuleFor(d => d.Reference.Sha256).Must(IsSha256)
                .WithMessage("'reference.sha256' must be the document's SHA-256 as 64 hex characters.");
        });
        RuleFor(d => d.SignerName).MustBeSaidText();
        RuleFor(d => d.SignerTitle).MustBeSaidText();
        RuleFor(d => d.SignedOn).MustBeDate("signed_on").MustNotBeFuture("signed_on", clock);
    }

    private static bool IsHttpUri(string uri) =>
        Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";

    internal static bool IsSha256(string hash) =>
        hash.Trim().Length == 64 && hash.Trim().All(Uri.IsHexDigit);
}

/// <summary>ICE's signature on an agreement.</summary>
internal sealed class SignatureValidator : AbstractValidator<Signature>
{
    public SignatureValidator(TimeProvider clock)
    {
        RuleFor(s => s.SignerName).MustBeSaidText();
        RuleFor(s => s.SignerTitle).MustBeSaidText();
        RuleFor(s => s.SignedOn).MustBeDate("signed_on").MustNotBeFuture("signed_on", clock);
    }
}
