using FluentValidation;
using Program287g.Agency.Grpc;

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
    public const int MaxNameLength = AgencyFieldRules.MaxNameLength;

    public AgencyDetailsValidator()
    {
        RuleFor(r => r.Name).AgencyName();
        RuleFor(r => r.State).UsState();
        RuleFor(r => r.Type).SpecifiedType();
        RuleFor(r => r.Kind).Must(kind => kind != AgencyKind.Unspecified && Enum.IsDefined(kind))
            .WithMessage("'kind' must name a kind of law enforcement agency; only law enforcement agencies may take part in 287(g).");
        RuleFor(r => r.County).County();
        RuleFor(r => r.AgencyHead).MaximumLength(200);
        RuleFor(r => r.PointOfContact).NotNull().WithMessage("'point_of_contact' is required.");
        When(r => r.PointOfContact is not null, () =>
        {
            RuleFor(r => r.PointOfContact.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.PointOfContact.Email).NotEmpty().EmailAddress().MaximumLength(254);
        });
    }
}
