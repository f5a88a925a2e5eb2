using FluentValidation;
using Program287g.Agency.Domain;
using Program287g.Agency.V1;
using Program287g.Domain;

namespace Program287g.Agency.Grpc;

/// <summary>The rules for the fields every request that describes an agency carries, so that a registration, an
/// update and an agency from ICE's lists are held to the same rules. Messages name the field by its proto path.</summary>
internal static class AgencyFieldRules
{
    public const int MaxNameLength = 200;
    public const int MaxCountyLength = 100;

    public static IRuleBuilderOptions<T, string> AgencyName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxNameLength)
            .Must(name => Program287g.Domain.AgencyName.Normalize(name).Length > 0).WithMessage("'{PropertyName}' must contain letters or digits.")
            .Must(name => LawEnforcementRule.Refusal(name) is null).WithMessage((_, name) => LawEnforcementRule.Refusal(name) ?? "");

    public static IRuleBuilderOptions<T, string> UsState<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(state => UsStates.ToCode(state) is not null).WithMessage("'{PropertyName}' must be a USPS code or a state's full name.");

    public static IRuleBuilderOptions<T, AgencyType> SpecifiedType<T>(this IRuleBuilder<T, AgencyType> rule) =>
        rule.Must(type => type != AgencyType.Unspecified && Enum.IsDefined(type))
            .WithMessage("'{PropertyName}' must be County, Municipality or State Agency.");

    public static IRuleBuilderOptions<T, string> County<T>(this IRuleBuilder<T, string> rule) => rule.MaximumLength(MaxCountyLength);
}
