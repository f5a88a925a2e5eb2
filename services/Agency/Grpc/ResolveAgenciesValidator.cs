using FluentValidation;
using Program287g.Agency.V1;

namespace Program287g.Agency.Grpc;

public sealed class ResolveAgenciesValidator : AbstractValidator<ResolveAgenciesRequest>
{
    public const int MaxAgencies = 1000;

    public ResolveAgenciesValidator()
    {
        RuleFor(r => r.Agencies).Must(agencies => agencies.Count is >= 1 and <= MaxAgencies)
            .WithMessage($"'agencies' must list 1 to {MaxAgencies} agencies.");
        // Each failure is named by its path, "agencies[3].name"; an oversized request is refused as a whole.
        RuleForEach(r => r.Agencies).SetValidator(new ListedAgencyValidator()).When(r => r.Agencies.Count <= MaxAgencies);
    }
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
