using Program287g.Domain;
using FluentValidation;
using Program287g.Agency.Domain;

namespace Program287g.Agency.V1;

/// <summary>The details a registration and an update both carry, so that one validator and one mapping serve both.</summary>
public interface IAgencyDetails
{
    string Name { get; }
    string State { get; }
    AgencyType Type { get; }
    AgencyKind Kind { get; }
    string County { get; }
    string AgencyHead { get; }
    PointOfContact PointOfContact { get; }
}

public sealed partial class RegisterAgencyRequest : IAgencyDetails;

public sealed partial class UpdateAgencyRequest : IAgencyDetails;

/// <summary>Every rule an agency's details must meet; each failure names the proto field.</summary>
public sealed class AgencyDetailsValidator : AbstractValidator<IAgencyDetails>
{
    public const int MaxNameLength = 200;

    public AgencyDetailsValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(MaxNameLength)
            .Must(name => AgencyName.Normalize(name).Length > 0).WithMessage("'name' must contain letters or digits.");
        RuleFor(r => r.State).Must(state => UsStates.ToCode(state) is not null)
            .WithMessage("'state' must be a USPS code or a state's full name.");
        RuleFor(r => r.Type).Must(type => type != AgencyType.Unspecified && Enum.IsDefined(type))
            .WithMessage("'type' must be County, Municipality or State Agency.");
        RuleFor(r => r.Kind).Must(kind => kind != AgencyKind.Unspecified && Enum.IsDefined(kind))
            .WithMessage("'kind' must name a kind of law enforcement agency; only law enforcement agencies may take part in 287(g).");
        RuleFor(r => r.County).MaximumLength(100);
        RuleFor(r => r.AgencyHead).MaximumLength(200);
        RuleFor(r => r.PointOfContact).NotNull().WithMessage("'point_of_contact' is required.");
        When(r => r.PointOfContact is not null, () =>
        {
            RuleFor(r => r.PointOfContact.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.PointOfContact.Email).NotEmpty().EmailAddress().MaximumLength(254);
        });
    }
}
