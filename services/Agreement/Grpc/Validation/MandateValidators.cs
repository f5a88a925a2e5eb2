using FluentValidation;
using FluentValidation.Results;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Domain;

namespace Program287g.Agreement.Grpc.Validation;

public sealed class ReplaceCoveredAgenciesValidator : AbstractValidator<ReplaceCoveredAgenciesRequest>
{
    public const int MaxAgencies = 2000;
    public const int MaxNameLength = 200;
    public const int MaxCountyLength = 100;

    /// <summary>As for ResolveAgencies: the error rides in the trailers, which a client takes only up to a size, so a
    /// list with every entry wrong names the first failures and counts the rest.</summary>
    public const int MaxListedFailures = 100;

    public ReplaceCoveredAgenciesValidator()
    {
        RuleFor(r => r.State).MustBeMandateState();
        RuleFor(r => r.Agencies).Must(agencies => agencies.Count <= MaxAgencies)
            .WithMessage($"'agencies' must list at most {MaxAgencies} agencies.");
        RuleForEach(r => r.Agencies).Cascade(CascadeMode.Continue).SetValidator(new CoveredAgencyValidator())
            .When(r => r.Agencies.Count <= MaxAgencies);
        // Rules that need the whole request: the kinds the state's own law names, and one entry per registry name.
        RuleFor(r => r).Custom((request, context) =>
        {
            var mandate = UsStates.ToCode(request.State) is { } code ? StateMandates.Of(code) : null;
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < request.Agencies.Count && request.Agencies.Count <= MaxAgencies; i++)
            {
                var agency = request.Agencies[i];
                if (mandate is not null && MandateMapping.ToDomain(agency.Kind) is { } kind && !mandate.Covers.Contains(kind))
                {
                    context.AddFailure($"agencies[{i}].kind", $"'agencies[{i}].kind' must be one that {mandate.Law} names: "
                        + string.Join(" or ", mandate.Covers.Select(MandateMapping.ProtoName)) + ".");
                }
                var key = AgencyName.Normalize(agency.Name);
                if (key.Length > 0 && !seen.TryAdd(key, i))
                {
                    context.AddFailure($"agencies[{i}].name", $"'agencies[{i}].name' names the same agency as agencies[{seen[key]}].");
                }
            }
        });
    }

    public override ValidationResult Validate(ValidationContext<ReplaceCoveredAgenciesRequest> context) => Capped(base.Validate(context));

    public override async Task<ValidationResult> ValidateAsync(ValidationContext<ReplaceCoveredAgenciesRequest> context,
        CancellationToken cancellation = default) => Capped(await base.ValidateAsync(context, cancellation));

    private static ValidationResult Capped(ValidationResult result) => result.Errors.Count <= MaxListedFailures ? result : new([
        .. result.Errors.Take(MaxListedFailures),
        new ValidationFailure("agencies",
            $"'agencies' has {result.Errors.Count - MaxListedFailures} more problems than the {MaxListedFailures} listed; fix those and send it again."),
    ]);
}

public sealed class CoveredAgencyValidator : AbstractValidator<CoveredAgency>
{
    public CoveredAgencyValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(ReplaceCoveredAgenciesValidator.MaxNameLength)
            .Must(name => AgencyName.Normalize(name).Length > 0).WithMessage("'{PropertyName}' must contain letters or digits.");
        RuleFor(r => r.County).MaximumLength(ReplaceCoveredAgenciesValidator.MaxCountyLength);
        RuleFor(r => r.Kind).Must(kind => MandateMapping.ToDomain(kind) is not null)
            .WithMessage("'{PropertyName}' must be SHERIFF, JAIL or STATE_CORRECTIONS.");
    }
}

public sealed class ListCoveredAgenciesValidator : AbstractValidator<ListCoveredAgenciesRequest>
{
    public ListCoveredAgenciesValidator() => RuleFor(r => r.State).MustBeMandateState();
}

internal static class MandateRules
{
    public static IRuleBuilderOptions<T, string> MustBeMandateState<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(state => UsStates.ToCode(state) is { } code && StateMandates.Of(code) is not null)
            .WithMessage("'{PropertyName}' must be a state whose mandate is modelled: "
                + string.Join(", ", StateMandates.All.Select(m => m.State)) + " (USPS code or full name).");
}
