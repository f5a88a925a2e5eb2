using Program287g.Domain;
using FluentValidation;
using Program287g.Agency.V1;

namespace Program287g.Agency.Grpc;

public sealed class RegisterAgencyValidator : AbstractValidator<RegisterAgencyRequest>
{
    public RegisterAgencyValidator() => Include(new AgencyDetailsValidator());
}

public sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyRequest>
{
    public UpdateAgencyValidator()
    {
        RuleFor(r => r.AgencyId).Must(id => Guid.TryParse(id, out _)).WithMessage("'agency_id' must be a UUID.");
        RuleFor(r => r.Version).GreaterThan(0).WithMessage("'version' must be the version last read.");
        Include(new AgencyDetailsValidator());
    }
}

public sealed class ListAgenciesValidator : AbstractValidator<ListAgenciesRequest>
{
    public const int MaxPageSize = 500;

    public ListAgenciesValidator()
    {
        RuleFor(r => r.PageSize).InclusiveBetween(0, MaxPageSize);
        RuleFor(r => r.State).Must(state => string.IsNullOrWhiteSpace(state) || UsStates.ToCode(state) is not null)
            .WithMessage("'state' must be empty, a USPS code or a state's full name.");
        RuleFor(r => r.Type).Must(Enum.IsDefined).WithMessage("'type' is not an agency type.");
        RuleFor(r => r.Kind).Must(Enum.IsDefined).WithMessage("'kind' is not an agency kind.");
    }
}

public sealed class SearchAgenciesValidator : AbstractValidator<SearchAgenciesRequest>
{
    public const int MaxLimit = 100;

    public SearchAgenciesValidator()
    {
        RuleFor(r => r.Query).NotEmpty().MaximumLength(AgencyDetailsValidator.MaxNameLength)
            .Must(query => Program287g.Domain.AgencyName.Normalize(query).Length > 0).WithMessage("'query' must contain letters or digits.");
        RuleFor(r => r.State).Must(state => string.IsNullOrWhiteSpace(state) || UsStates.ToCode(state) is not null)
            .WithMessage("'state' must be empty, a USPS code or a state's full name.");
        RuleFor(r => r.Limit).InclusiveBetween(0, MaxLimit);
    }
}
