using FluentValidation;
using FluentValidation.Results;
using Program287g.Agency.V1;

namespace Program287g.Agency.Grpc;

public sealed class ResolveAgenciesValidator : AbstractValidator<ResolveAgenciesRequest>
{
    public const int MaxAgencies = 1000;

    /// <summary>The error travels in the response's trailers, which a client accepts only up to a size (64 KB for
    /// .NET's): a thousand agencies with every field wrong would overflow it, and the caller would see UNAVAILABLE
    /// instead of what is wrong. So the first failures are listed and the rest counted.</summary>
    public const int MaxListedFailures = 100;

    public ResolveAgenciesValidator()
    {
        RuleFor(r => r.Agencies).Must(agencies => agencies.Count is >= 1 and <= MaxAgencies)
            .WithMessage($"'agencies' must list 1 to {MaxAgencies} agencies.");
        // Every bad agency, not only the first (the services stop each rule at its first failure), each failure named
        // by its path, "agencies[3].name"; an oversized request is refused as a whole.
        RuleForEach(r => r.Agencies).Cascade(CascadeMode.Continue).SetValidator(new ListedAgencyValidator())
            .When(r => r.Agencies.Count <= MaxAgencies);
    }

    public override ValidationResult Validate(ValidationContext<ResolveAgenciesRequest> context) => Capped(base.Validate(context));

    public override async Task<ValidationResult> ValidateAsync(ValidationContext<ResolveAgenciesRequest> context,
        CancellationToken cancellation = default) => Capped(await base.ValidateAsync(context, cancellation));

    private static ValidationResult Capped(ValidationResult result) => result.Errors.Count <= MaxListedFailures ? result : new([
        .. result.Errors.Take(MaxListedFailures),
        new ValidationFailure("agencies",
            $"'agencies' has {result.Errors.Count - MaxListedFailures} more problems than the {MaxListedFailures} listed; fix those and send it again."),
    ]);
}

/// <summary>An agency as ICE lists it: no head, no point of contact, and a kind that may be left to inference.</summary>
public sealed class ListedAgencyValidator : AbstractValidator<ListedAgency>
{
    public ListedAgencyValidator()
    {
        RuleFor(r => r.Name).AgencyName();
        RuleFor(r => r.State).UsState();
        RuleFor(r => r.Type).SpecifiedType();
        RuleFor(r => r.Kind).Must(Enum.IsDefined).WithMessage("'{PropertyName}' must be unspecified or a kind of law enforcement agency.");
        RuleFor(r => r.County).County();
    }
}
